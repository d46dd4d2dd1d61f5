using CommandCenter.Cameras;
using CommandCenter.Data;
using CommandCenter.Geo.Fences;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Chooses the demo's live cameras, the ones nearest its hot spots (the banned zones the simulator walks people
/// into, so the wall's tiles for such an alert show pictures), and points their links at this server's own test
/// cards. The choice is made at every start, so a database seeded before the demo had video gets it too.
/// </summary>
public sealed class DemoVideoCameras(IDbContextFactory<CommandCenterDb> databases)
{
    public const string PathPrefix = "/demo-video";

    public static string StreamPath(string code) => $"{PathPrefix}/{code}/index.m3u8";

    public static string SnapshotPath(string code) => $"{PathPrefix}/{code}/snapshot.jpg";

    public async Task<List<(string Code, string Name)>> LinkAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var hotSpots = await db.Geofences
            .Where(f => f.Active && f.Kind == FenceKind.Exclusion)
            .OrderBy(f => f.Id)
            .Select(f => f.Area.InteriorPoint)
            .ToListAsync(cancellationToken);
        var chosen = new List<Camera>();
        foreach (var spot in hotSpots)
        {
            var taken = chosen.Select(c => c.Id).ToList();
            var nearest = await db.Cameras
                .Where(c => c.RetiredAt == null && !taken.Contains(c.Id))
                .OrderBy(c => c.Location.Distance(spot))
                .FirstOrDefaultAsync(cancellationToken);
            if (nearest is not null)
            {
                chosen.Add(nearest);
            }

            if (chosen.Count == count)
            {
                break;
            }
        }

        foreach (var camera in chosen)
        {
            camera.StreamUrl = StreamPath(camera.Code);
            camera.SnapshotUrl = SnapshotPath(camera.Code);
        }

        // A camera that had a test card at an earlier start but is no longer chosen goes back to "not connected".
        var chosenIds = chosen.Select(c => c.Id).ToList();
        await db.Cameras
            .Where(c => !chosenIds.Contains(c.Id) && c.StreamUrl != null && c.StreamUrl.StartsWith(PathPrefix + "/"))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.StreamUrl, (string?)null).SetProperty(c => c.SnapshotUrl, (string?)null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return [.. chosen.Select(c => (c.Code, c.Name))];
    }
}
