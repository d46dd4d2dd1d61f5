using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Live;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoView;

/// <summary>
/// Builds what visitors may see from what the hall sees: people counted in coarse grid cells (only those
/// whose positioning order is in force), alerts stripped of the person and snapped to a cell.
/// </summary>
public class DemoPicture(IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock, IOptions<DelegationOptions> options)
{
    public async Task<DemoFrame> FrameAsync(CancellationToken cancellationToken)
    {
        var cell = options.Value.CellDegrees;
        var today = clock.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(today));
        var points = await db.LatestPositions.AsNoTracking()
            .Where(p => db.Subjects.Any(s => s.Id == p.SubjectId && s.Status == SubjectStatus.InCorrection
                && inForce.Any(o => o.SubjectId == s.Id)))
            .Select(p => p.Location)
            .ToListAsync(cancellationToken);
        var cells = points
            .GroupBy(p => (Grid.Snap(p.Y, cell), Grid.Snap(p.X, cell)))
            .Select(g => new DemoCell(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderBy(c => c.Latitude).ThenBy(c => c.Longitude)
            .ToList();
        var open = await db.Alerts.WhereOpen().CountAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new DemoFrame(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero), cell, cells, points.Count, open);
    }

    public DemoAlert Mask(AlertMessage alert) => new(
        alert.Rule,
        alert.Severity,
        alert.State,
        alert.SquadName,
        RoundToMinute(alert.RaisedAt),
        alert.Latitude is { } lat ? Grid.Snap(lat, options.Value.CellDegrees) : 0,
        alert.Longitude is { } lon ? Grid.Snap(lon, options.Value.CellDegrees) : 0);

    /// <summary>The latest alert with its steps, to replay how the hall handles one; no person, no exact place.</summary>
    public async Task<DemoReplay?> ReplayAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.AsNoTracking()
            .OrderByDescending(a => a.State == AlertState.Resolved).ThenByDescending(a => a.RaisedAt)
            .Select(a => new
            {
                a.Rule,
                a.Severity,
                a.State,
                a.RaisedAt,
                Squad = db.Squads.Where(s => s.Id == a.SquadId).Select(s => s.Name).First(),
                Steps = a.Events.OrderBy(e => e.At).Select(e => new { e.Kind, e.At }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (alert is null)
        {
            return null;
        }

        // Whole seconds: enough to tell the story, and no long fractions that could read like coordinates.
        var steps = alert.Steps.Select(s => new DemoReplayStep(s.Kind, TimeSpan.FromSeconds(Math.Round((s.At - alert.RaisedAt).TotalSeconds)))).ToList();
        return new DemoReplay(alert.Rule, alert.Severity, alert.State, alert.Squad, steps);
    }

    private static DateTimeOffset RoundToMinute(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
