using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.DemoView;

/// <summary>The county's figures for the visitors, all computed from the records, none typed in.</summary>
public class DemoFigures(IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock)
{
    public async Task<List<DemoFigure>> ComputeAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inCorrection = db.Subjects.Where(s => s.Status == SubjectStatus.InCorrection);
        var byType = await inCorrection.GroupBy(s => s.CorrectionType).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var figures = new List<DemoFigure>
        {
            new("Demo.Figure.UnderSupervision", await inCorrection.LongCountAsync(cancellationToken)),
        };
        figures.AddRange(Enum.GetValues<CorrectionType>().Select(type =>
            new DemoFigure($"Demo.Figure.Type.{type}", byType.FirstOrDefault(t => t.Key == type)?.Count ?? 0)));
        figures.Add(new("Demo.Figure.Squads", await db.Squads.LongCountAsync(cancellationToken)));
        figures.Add(new("Demo.Figure.Cameras", await db.Cameras.LongCountAsync(cancellationToken)));
        figures.Add(new("Demo.Figure.ExclusionZones", await db.Geofences.LongCountAsync(f => f.Active && f.Kind == FenceKind.Exclusion, cancellationToken)));
        figures.Add(new("Demo.Figure.PositioningInForce", await db.PositioningOrders.LongCountAsync(
            PositioningOrder.InForceOn(today), cancellationToken)));
        figures.Add(new("Demo.Figure.AlertsHandled", await db.Alerts.WhereClosed().LongCountAsync(cancellationToken)));
        return figures;
    }
}
