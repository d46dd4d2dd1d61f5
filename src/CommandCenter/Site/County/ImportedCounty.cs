using System.Text.Json;
using CommandCenter.Geo;
using CommandCenter.Geo.Datums;
using CommandCenter.Map;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CommandCenter.Site.County;

/// <summary>
/// A county boundary from a GeoJSON file a site brings: a FeatureCollection, a Feature or a bare Polygon
/// or MultiPolygon, in the datum the commander names (WGS-84, GCJ-02 or BD-09). Several features are
/// taken together as one county; its code and name come from the first feature's id and properties.name
/// unless given.
/// </summary>
public sealed record ImportedCounty(string? Code, string? Name, MultiPolygon Boundary)
{
    /// <summary>Reads the file; the error names the feature and what is wrong with it.</summary>
    public static async Task<(ImportedCounty? County, string? Error)> ReadAsync(Stream geoJson, Datum datum, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(geoJson, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return (null, $"The file is not JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var features = Features(root);
            if (features.Count == 0)
            {
                return (null, "The file holds no feature with a Polygon or MultiPolygon.");
            }

            var polygons = new List<Geometry>();
            for (var i = 0; i < features.Count; i++)
            {
                try
                {
                    polygons.Add(CountyMapSource.ReadBoundary(Geometry(features[i]), Wgs84.Factory, c => ToWgs84(c, datum)));
                }
                catch (InvalidDataException exception)
                {
                    return (null, $"Feature {i}: {exception.Message}");
                }
            }

            var union = UnaryUnionOp.Union(polygons);
            var boundary = union switch
            {
                MultiPolygon multi => multi,
                Polygon polygon => Wgs84.Factory.CreateMultiPolygon([polygon]),
                _ => null,
            };
            return boundary is null || boundary.IsEmpty
                ? (null, "The features do not make an area.")
                : (new ImportedCounty(CountyMapSource.Code(features[0]), CountyMapSource.Name(features[0]), boundary), null);
        }
    }

    private static List<JsonElement> Features(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var all) && all.ValueKind == JsonValueKind.Array => [.. all.EnumerateArray()],
            "Feature" or "Polygon" or "MultiPolygon" => [root],
            _ => [],
        };
    }

    private static JsonElement Geometry(JsonElement feature) =>
        feature.TryGetProperty("geometry", out var geometry) ? geometry : feature;

    private static Coordinate ToWgs84(Coordinate coordinate, Datum datum)
    {
        var converted = ChinaDatums.Convert(new LonLat(coordinate.X, coordinate.Y), datum, Datum.Wgs84);
        return new Coordinate(converted.Longitude, converted.Latitude);
    }
}
