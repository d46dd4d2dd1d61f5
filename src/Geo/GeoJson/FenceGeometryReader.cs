using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Operation.Valid;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// Reads a fence's GeoJSON geometry (Polygon or MultiPolygon), repairs what is unambiguous and refuses
/// the rest with the place of the fault.
/// </summary>
internal static class FenceGeometryReader
{
    public static Geometry? Read(JsonElement geometry, ImportLog log)
    {
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            log.Error(GeoJsonMessages.NoGeometry);
            return null;
        }

        string? type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            log.Error(GeoJsonMessages.NoCoordinates, args: [type ?? "geometry"]);
            return null;
        }

        List<List<CleanRing>?> polygons;
        switch (type)
        {
            case "Polygon":
                polygons = [ReadPolygon(coordinates, 0, log)];
                break;
            case "MultiPolygon":
                polygons = [.. coordinates.EnumerateArray().Select((p, i) => ReadPolygon(p, i, log))];
                if (polygons.Count == 0)
                {
                    log.Error(GeoJsonMessages.EmptyMultiPolygon);
                    return null;
                }

                break;
            default:
                if (type is null)
                {
                    log.Error(GeoJsonMessages.UntypedGeometry);
                }
                else
                {
                    log.Error(GeoJsonMessages.NotAPolygon, args: [type]);
                }

                return null;
        }

        if (polygons.Any(p => p is null))
        {
            return null;
        }

        var rings = polygons.SelectMany(p => p!).ToList();
        var parts = polygons.Select(p => BuildPolygon(p!)).ToArray();
        Geometry built = type == "Polygon" ? parts[0] : Wgs84.Factory.CreateMultiPolygon(parts);
        return Validate(built, parts, rings, log);
    }

    private static List<CleanRing>? ReadPolygon(JsonElement polygon, int polygonIndex, ImportLog log)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            log.Error(GeoJsonMessages.EmptyPolygon, polygonIndex);
            return null;
        }

        var rings = polygon.EnumerateArray().Select((ring, i) => RingReader.Read(ring, polygonIndex, i, log)).ToList();
        return rings.Any(r => r is null) ? null : [.. rings.Select(r => r!)];
    }

    private static Polygon BuildPolygon(List<CleanRing> rings) =>
        Wgs84.Factory.CreatePolygon(
            Wgs84.Factory.CreateLinearRing(rings[0].Coordinates),
            [.. rings.Skip(1).Select(r => Wgs84.Factory.CreateLinearRing(r.Coordinates))]);

    private static Geometry? Validate(Geometry built, Polygon[] parts, List<CleanRing> rings, ImportLog log)
    {
        var error = new IsValidOp(built).ValidationError;
        if (error is null)
        {
            return built;
        }

        // Polygons that are each valid but overlap one another mean one area, their union: that
        // repair is unambiguous. A polygon that crosses itself is not (which side was meant?).
        if (parts.Length > 1 && parts.All(p => p.IsValid))
        {
            var union = UnaryUnionOp.Union(built);
            if (union is Polygon or MultiPolygon && union.IsValid && !union.IsEmpty)
            {
                var (polygon, _, _) = NearestVertex(rings, error.Coordinate);
                log.Repair(GeoJsonMessages.PolygonsMerged, args: [ImportLog.Text(polygon)]);
                return Wgs84.Factory.CreateGeometry(union);
            }
        }

        var (p, ring, vertex) = NearestVertex(rings, error.Coordinate);
        log.Error(GeoJsonMessages.Invalid((TopologyValidationErrors)error.ErrorType), p, ring, vertex, args: [ImportLog.Text(error.Coordinate.X), ImportLog.Text(error.Coordinate.Y)]);
        return null;
    }

    private static (int Polygon, int Ring, int Vertex) NearestVertex(List<CleanRing> rings, Coordinate at)
    {
        var best = (Polygon: 0, Ring: 0, Vertex: 0);
        double bestDistance = double.PositiveInfinity;
        foreach (var ring in rings)
        {
            for (int i = 0; i < ring.Coordinates.Length; i++)
            {
                double distance = ring.Coordinates[i].Distance(at);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = (ring.Polygon, ring.Ring, ring.FileIndexes[i]);
                }
            }
        }

        return best;
    }
}
