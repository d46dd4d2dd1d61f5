using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
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
            .Produces<List<PositionUpdate>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest position of every subject whose electronic-positioning order is in force today (a squad leader: their squad's); squad: one squad's only, for a region wall (400 not a number, 404 no such squad, 403 another squad's for a squad leader); pending marks a zone crossing not yet confirmed.");
        return app;
    }

    private static async Task<IResult> GetPositionsAsync(ClaimsPrincipal user, string? squad, RegionScopes regions,
        IDbContextFactory<CommandCenterDb> factory, PendingTransitions pending, TimeProvider time, SiteClock clock, CancellationToken cancellationToken)
    {
        var scope = await regions.ResolveAsync(user, squad, cancellationToken);
        if (scope.Problem() is { } problem)
        {
            return problem;
        }

        var today = clock.Today(time.GetUtcNow());
        var visibleSquad = scope.Squad;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(today));
        var visible = db.Subjects.Where(s => s.Status == SubjectStatus.InCorrection
            && (visibleSquad == null || s.SquadId == visibleSquad)
            && inForce.Any(o => o.SubjectId == s.Id));
        var rows = await db.LatestPositions.AsNoTracking()
            .Join(visible, p => p.SubjectId, s => s.Id, (p, s) => new { p.SubjectId, s.SquadId, p.Location, p.FixTime })
            .ToListAsync(cancellationToken);
        var crossing = pending.Subjects();
        return TypedResults.Ok(rows.Select(p => new PositionUpdate(p.SubjectId, p.SquadId, p.Location.Y, p.Location.X, p.FixTime) { Pending = crossing.Contains(p.SubjectId) }).ToList());
    }
}
