using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CommandCenter.Geo.Fences;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Names = CommandCenter.Geo.GeoJson.FenceJsonNames;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// Writes fences as an RFC 7946 FeatureCollection: the drawn geometry (not the buffered one, which is
/// derived), outer rings counter-clockwise and holes clockwise, and the fence's settings as properties
/// that <see cref="FenceGeoJsonReader"/> reads back.
/// </summary>
public static class FenceGeoJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,

        // Keeps Chinese fence names readable in the file instead of \u escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes the fences as GeoJSON text.</summary>
    public static string Write(IEnumerable<FenceDefinition> fences)
    {
        using var stream = new MemoryStream();
        Write(stream, fences);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the fences as UTF-8 GeoJSON to a stream.</summary>
    public static void Write(Stream utf8Json, IEnumerable<FenceDefinition> fences)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(fences);
        using var writer = new Utf8JsonWriter(utf8Json, Options);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var fence in fences)
        {
            WriteFeature(writer, fence);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFeature(Utf8JsonWriter writer, FenceDefinition fence)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteNumber(Names.Id, fence.Id);
        writer.WritePropertyName("geometry");
        WriteGeometry(writer, fence.Geometry);
        writer.WriteStartObject("properties");
        writer.WriteString(Names.Name, fence.Name);
        writer.WriteString(Names.Kind, Names.KindCodes[fence.Kind]);
        writer.WriteNumber(Names.BufferMetres, fence.BufferMetres);
        writer.WriteBoolean(Names.Immediate, fence.Immediate);
        WriteScope(writer, fence.Scope);
        WriteSchedule(writer, fence);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        writer.WriteStartObject();
        if (geometry is Polygon polygon)
        {
            writer.WriteString("type", "Polygon");
            writer.WritePropertyName("coordinates");
            WritePolygon(writer, polygon);
        }
        else
        {
            writer.WriteString("type", "MultiPolygon");
            writer.WriteStartArray("coordinates");
            for (int i = 0; i < geometry.NumGeometries; i++)
            {
                WritePolygon(writer, (Polygon)geometry.GetGeometryN(i));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.ExteriorRing.CoordinateSequence, counterClockwise: true);
        foreach (var hole in polygon.InteriorRings)
        {
            WriteRing(writer, hole.CoordinateSequence, counterClockwise: false);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, CoordinateSequence ring, bool counterClockwise)
    {
        bool reverse = Orientation.IsCCW(ring) != counterClockwise;
        writer.WriteStartArray();
        for (int k = 0; k < ring.Count; k++)
        {
            int i = reverse ? ring.Count - 1 - k : k;
            writer.WriteStartArray();
            writer.WriteNumberValue(ring.GetX(i));
            writer.WriteNumberValue(ring.GetY(i));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteScope(Utf8JsonWriter writer, FenceScope scope)
    {
        writer.WriteStartObject(Names.Scope);
        writer.WriteString(Names.Kind, Names.ScopeCodes[scope.Kind]);
        switch (scope.Kind)
        {
            case FenceScopeKind.ListedSubjects:
                writer.WriteStartArray(Names.ScopeSubjects);
                foreach (long id in scope.SubjectIds.Order())
                {
                    writer.WriteNumberValue(id);
                }

                writer.WriteEndArray();
                break;
            case FenceScopeKind.RiskLevel:
                writer.WriteNumber(Names.ScopeRiskLevel, scope.RiskLevel!.Value);
                break;
            case FenceScopeKind.Squad:
                writer.WriteNumber(Names.ScopeSquad, scope.SquadId!.Value);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter writer, FenceDefinition fence)
    {
        writer.WriteStartObject(Names.Schedule);
        writer.WriteStartArray(Names.Windows);
        foreach (var window in fence.Schedule.Windows)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(Names.Days);
            foreach (var day in window.Days)
            {
                writer.WriteStringValue(Names.DayCodes[day]);
            }

            writer.WriteEndArray();
            writer.WriteString(Names.Start, window.Start.ToString(Names.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString(Names.End, window.End.ToString(Names.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Dates);
        foreach (var range in fence.Schedule.DateRanges)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.From, range.From.ToString(Names.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString(Names.To, range.To.ToString(Names.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
