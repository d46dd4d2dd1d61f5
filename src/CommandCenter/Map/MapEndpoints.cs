using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Map;

/// <summary>What the map paints first: the base map, the fences and the latest positions.</summary>
public static class MapEndpoints
{
    public static IEndpointRouteBuilder MapMapData(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/v1/map").WithTags("Map").RequireAuthorization(Policies.ReadLiveData);
        map.MapGet("/regions", BaseMap.RegionsAsync)
            .WithSummary("The county and its neighbours as a GeoJSON FeatureCollection (WGS-84), for the offline base map.");
        map.MapGet("/fences", GetFencesAsync)
            .WithSummary("The active geofences the caller may see as a GeoJSON FeatureCollection (WGS-84): a squad leader the county-wide ones and those naming their squad's people, a reader token the county-wide ones.");
        map.MapGet("/positions", GetPositionsAsync)
            .WithSummary("The latest position of every subject whose electronic-positioning order is in force today (a squad leader: their squad's); pending marks a zone crossing not yet confirmed.");
        return app;
    }

    private static async Task<IResult> GetFencesAsync(ClaimsPrincipal user, IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fences = await db.Geofences.AsNoTracking().VisibleTo(db, SquadScope.OfPeople(user)).Where(f => f.Active).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return Results.Json(GeofenceFeatures.Of(fences), BaseMap.GeoJson, "application/geo+json");
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
