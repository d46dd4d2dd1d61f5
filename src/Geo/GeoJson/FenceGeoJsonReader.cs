using System.Text.Json;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// Reads fences from GeoJSON (RFC 7946): a FeatureCollection, a single Feature, or a bare Polygon or
/// MultiPolygon. Coordinates are WGS-84 longitude, latitude as the RFC requires (convert a file from a
/// GCJ-02 tool with <see cref="Datums.DatumTransform"/> first).
/// </summary>
/// <remarks>
/// Repaired, and reported as repairs: a ring left open, a position repeated, a zero-width spike, a ring
/// with the wrong orientation, polygons of one MultiPolygon that overlap (merged). Refused, with the
/// feature, polygon, ring and vertex: a coordinate out of range, a ring that crosses itself, a hole
/// outside its shell, fewer than 3 distinct positions, a property of the wrong type.
/// </remarks>
public static class FenceGeoJsonReader
{
    /// <summary>Reads fences from GeoJSON text.</summary>
    public static FenceImportResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var log = new ImportLog();
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement, log);
        }
        catch (JsonException e)
        {
            return NotJson(e, log);
        }
    }

    /// <summary>Reads fences from a UTF-8 GeoJSON stream (e.g. an uploaded file).</summary>
    public static async Task<FenceImportResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var log = new ImportLog();
        try
        {
            using var document = await JsonDocument.ParseAsync(utf8Json, Options, cancellationToken).ConfigureAwait(false);
            return Read(document.RootElement, log);
        }
        catch (JsonException e)
        {
            return NotJson(e, log);
        }
    }

    // Lines and bytes are 0-based in the exception; people count from 1.
    private static FenceImportResult NotJson(JsonException e, ImportLog log)
    {
        log.Error(GeoJsonMessages.NotJson, args: [ImportLog.Text((e.LineNumber ?? 0) + 1), ImportLog.Text((e.BytePositionInLine ?? 0) + 1)]);
        return new FenceImportResult([], log.Repairs, log.Errors);
    }

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static FenceImportResult Read(JsonElement root, ImportLog log)
    {
        var features = Features(root, log);
        var fences = new List<FenceDefinition>();
        for (int i = 0; i < features.Count; i++)
        {
            log.Feature = i;
            var feature = features[i];
            var geometryElement = feature.TryGetProperty("geometry", out var g) ? g : default;
            var geometry = FenceGeometryReader.Read(geometryElement, log);
            if (geometry is not null && FencePropertiesReader.Read(feature, geometry, i, log) is { } fence)
            {
                fences.Add(fence);
            }
        }

        log.Feature = null;
        var duplicate = fences.Where(f => f.Id != 0).GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            log.Error(GeoJsonMessages.DuplicateId, args: [ImportLog.Text(duplicate.Key)]);
        }

        return log.Errors.Count == 0
            ? new FenceImportResult(fences, log.Repairs, log.Errors)
            : new FenceImportResult([], log.Repairs, log.Errors);
    }

    private static List<JsonElement> Features(JsonElement root, ImportLog log)
    {
        string? type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        switch (type)
        {
            case "FeatureCollection":
                if (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
                {
                    var list = features.EnumerateArray().ToList();
                    if (list.Any(f => f.ValueKind != JsonValueKind.Object))
                    {
                        log.Error(GeoJsonMessages.NotAFeature);
                        return [];
                    }

                    return list;
                }

                log.Error(GeoJsonMessages.NoFeatures);
                return [];
            case "Feature":
                return [root];
            case "Polygon" or "MultiPolygon":
                // A bare geometry: wrap it so that it reads as a feature with default properties.
                using (var wrapped = JsonDocument.Parse($"{{\"type\":\"Feature\",\"geometry\":{root.GetRawText()}}}"))
                {
                    return [wrapped.RootElement.Clone()];
                }

            default:
                if (type is null)
                {
                    log.Error(GeoJsonMessages.UntypedRoot);
                }
                else
                {
                    log.Error(GeoJsonMessages.WrongRoot, args: [type]);
                }

                return [];
        }
    }
}
