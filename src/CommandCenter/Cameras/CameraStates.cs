using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Cameras;

/// <summary>
/// One reading of the measured signal for every screen (the wall's tiles, the desk's tiles, the camera page, the
/// registry), so that they cannot disagree about a camera.
/// </summary>
public sealed class CameraStates(CameraSignals signals, SiteClock clock, TimeProvider time, IStringLocalizer<UiText> text)
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
            ? text["Video.NoSignalSince", Moment(lostAt)]
            : text["Cameras.NoSignal"],
    };

    // Today's time alone keeps the text on one line of a wall tile; an older loss says its day.
    private string Moment(DateTimeOffset lostAt) =>
        clock.ToLocal(lostAt).ToString(clock.Today(lostAt) == clock.Today(time.GetUtcNow()) ? "HH:mm:ss" : "MM-dd HH:mm", CultureInfo.InvariantCulture);
}
