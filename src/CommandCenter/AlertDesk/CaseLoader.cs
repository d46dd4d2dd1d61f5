using System.Security.Claims;
using CommandCenter.Cameras;
using CommandCenter.Live;
using CommandCenter.Squads;
using CommandCenter.Subjects.Registry;
using CommandCenter.Subjects.Tracks;

namespace CommandCenter.AlertDesk;

/// <summary>Gathers what the desk shows around an alert, each part through the query that guards it (squad scope, order in force, audit).</summary>
public class CaseLoader(TrackQueries tracks, CameraQueries cameras, SquadQueries squads)
{
    /// <summary>The track the desk shows: the last two hours.</summary>
    public static readonly TimeSpan TrackSpan = TimeSpan.FromHours(2);

    /// <summary>How far the desk looks for cameras.</summary>
    public const double CameraReachMeters = 1000;

    public const int CameraCount = 6;

    public async Task<CasePicture> LoadAsync(AlertMessage alert, SubjectDetail? subject, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var track = await tracks.RecentAsync(alert.SubjectId, TrackSpan, user, null, cancellationToken);
        var place = CasePicture.PlaceOf(alert, track.Points, subject is { HomeLatitude: { } lat, HomeLongitude: { } lon } ? (lat, lon) : null);
        if (place is null)
        {
            return new CasePicture(null, track, [], []);
        }

        return new CasePicture(place, track,
            await cameras.NearestAsync(place.Latitude, place.Longitude, CameraCount, CameraReachMeters, cancellationToken),
            await squads.SuggestAsync(place.Latitude, place.Longitude, cancellationToken));
    }

    /// <summary>The squads again, after any squad's state changed.</summary>
    public Task<List<SquadSuggestion>> SquadsAsync(CasePlace place, CancellationToken cancellationToken) =>
        squads.SuggestAsync(place.Latitude, place.Longitude, cancellationToken);
}
