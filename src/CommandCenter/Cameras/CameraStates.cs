using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Cameras;

/// <summary>
/// One reading of the measured signal for every screen (the wall's tiles, the desk's tiles, the camera page, the
/// registry), so that they cannot disagree about a camera.
/// </summary>
public sealed class CameraStates(CameraSignals signals, SiteClock clock, IStringLocalizer<UiText> text)
{
    public CameraState Of(CameraView camera)
    {
        if (camera.StreamUrl is null && camera.SnapshotUrl is null)
        {
            return CameraState.NotConnected;
        }

        return signals.Of(camera.Id) switch
        {
            null => CameraState.Checking,
            { Live: true } => CameraState.Live,
            _ => CameraState.NoSignal,
        };
    }

    public string Text(CameraView camera) => Of(camera) switch
    {
        CameraState.NotConnected => text["Cameras.NotConnected"],
        CameraState.Checking => text["Video.Checking"],
        CameraState.Live => text["Video.Live"],
        _ => signals.Of(camera.Id)?.LostAt is { } lostAt
            ? text["Video.NoSignalSince", clock.ToLocal(lostAt).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]
            : text["Cameras.NoSignal"],
    };
}
