using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Ingest;

/// <summary>The map's first paint of positions: the latest fix ingest stored for each subject who may be located today.</summary>
public static class LatestPositionEndpoints
{
    public static IEndpointRouteBuilder MapLatestPositions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/map/positions", GetPositionsAsync)
            .WithTags("Map")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The latest position of every subject whose electronic-positioning order is in force today (a squad leader: their squad's); pending marks a zone crossing not yet confirmed.");
        return app;
    }

    private static async Task<List<PositionUpdate>> GetPositionsAsync(
        ClaimsPrincipal user, IDbContextFactory<CommandCenterDb> factory, PendingTransitions pending, TimeProvider time, SiteClock clock, CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        var squad = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(today));
        var visible = db.Subjects.Where(s => s.Status == SubjectStatus.InCorrection
            && (squad == null || s.SquadId == squad)
            && inForce.Any(o => o.SubjectId == s.Id));
        var rows = await db.LatestPositions.AsNoTracking()
            .Join(visible, p => p.SubjectId, s => s.Id, (p, s) => new { p.SubjectId, s.SquadId, p.Location, p.FixTime })
            .ToListAsync(cancellationToken);
        var crossing = pending.Subjects();
        return rows.Select(p => new PositionUpdate(p.SubjectId, p.SquadId, p.Location.Y, p.Location.X, p.FixTime) { Pending = crossing.Contains(p.SubjectId) }).ToList();
    }
}
