using System.Text.Json;
using CommandCenter.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CommandCenter.Map;

/// <summary>The offline base map (the county and its neighbours) as GeoJSON, for every map in the product.</summary>
public static class BaseMap
{
    public static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    public static async Task<IResult> RegionsAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var areas = await db.AdminAreas.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        return Results.Json(Features(areas), GeoJson, "application/geo+json");
    }

    /// <summary>Areas as the maps draw them: a FeatureCollection with each area's code, name and role.</summary>
    public static FeatureCollection Features(IEnumerable<AdminArea> areas)
    {
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

        return collection;
    }
}
