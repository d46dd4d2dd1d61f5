using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Live;
using CommandCenter.Site;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CommandCenter.Map;

/// <summary>What the map paints first: the base map, the fences and the latest positions.</summary>
public static class MapEndpoints
{
    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    public static IEndpointRouteBuilder MapMapData(this IEndpointRouteBuilder app)
    {
        var map = app.MapGroup("/api/v1/map").WithTags("Map");
        map.MapGet("/regions", GetRegionsAsync)
            .WithSummary("The county and its neighbours as a GeoJSON FeatureCollection (WGS-84), for the offline base map.");
        map.MapGet("/fences", GetFencesAsync)
            .WithSummary("Active geofences as a GeoJSON FeatureCollection (WGS-84).");
        map.MapGet("/positions", GetPositionsAsync)
            .WithSummary("The latest position of every subject whose electronic-positioning order is in force today.");
        return app;
    }

    private static async Task<IResult> GetRegionsAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var areas = await db.AdminAreas.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        var collection = new FeatureCollection();
        foreach (var area in areas)
        {
            collection.Add(new Feature(area.Boundary, new AttributesTable
            {
                { "code", area.Code },
                { "name", area.Name },
                { "role", area.Role.ToString() },
            }));
        }

        return Results.Json(collection, GeoJson, "application/geo+json");
    }

    private static async Task<IResult> GetFencesAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fences = await db.Geofences.AsNoTracking().Where(f => f.Active).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var collection = new FeatureCollection();
        foreach (var fence in fences)
        {
            collection.Add(new Feature(fence.Area, new AttributesTable
            {
                { "id", fence.Id },
                { "name", fence.Name },
                { "kind", fence.Kind.ToString() },
                { "bufferMeters", fence.BufferMeters },
                { "scope", fence.Scope.ToString() },
            }));
        }

        return Results.Json(collection, GeoJson, "application/geo+json");
    }

    private static async Task<List<PositionUpdate>> GetPositionsAsync(
        IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock, CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = db.Subjects.Where(s => s.Status == Subjects.SubjectStatus.InCorrection
            && s.PositioningOrders.Any(o => o.StartDate <= today && (o.EndedEarlyOn ?? o.EndDate) >= today));
        var rows = await db.LatestPositions.AsNoTracking()
            .Where(p => visible.Any(s => s.Id == p.SubjectId))
            .Select(p => new { p.SubjectId, p.Location, p.FixTime })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PositionUpdate(p.SubjectId, p.Location.Y, p.Location.X, p.FixTime)).ToList();
    }
}
