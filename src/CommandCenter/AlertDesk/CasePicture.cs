using CommandCenter.Cameras;
using CommandCenter.Live;
using CommandCenter.Squads;
using CommandCenter.Subjects.Tracks;

namespace CommandCenter.AlertDesk;

/// <summary>
/// Everything the desk shows about one alert besides its history: the place, the last hours of track (empty
/// when no positioning order is in force), the cameras within reach and the squads to send.
/// </summary>
public sealed record CasePicture(CasePlace? Place, TrackResult Track, IReadOnlyList<CameraView> Cameras, IReadOnlyList<SquadSuggestion> Squads)
{
    /// <summary>The place for an alert: its own fix, else the last fix of the track, else the registered home.</summary>
    public static CasePlace? PlaceOf(AlertMessage alert, IReadOnlyList<TrackPoint> track, (double Latitude, double Longitude)? home) =>
        alert is { Latitude: { } lat, Longitude: { } lon } ? new CasePlace(lat, lon, CasePlaceKind.AlertFix)
        : track.Count > 0 ? new CasePlace(track[^1].Latitude, track[^1].Longitude, CasePlaceKind.LastFix)
        : home is { } h ? new CasePlace(h.Latitude, h.Longitude, CasePlaceKind.Home)
        : null;
}
