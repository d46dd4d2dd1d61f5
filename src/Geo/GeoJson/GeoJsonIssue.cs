using System.Text;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// A problem found in a GeoJSON import, or a repair made to it, with where it is: the feature (0-based
/// in the collection), and inside its geometry the polygon, ring (0 = outer ring, then holes) and vertex
/// (0-based positions as they appear in the file), or the property.
/// </summary>
/// <param name="Feature">The feature's index, or null for the document as a whole.</param>
/// <param name="Key">What is wrong or what was repaired, as a key of <see cref="GeoJsonMessages"/> that the host renders in the reader's language.</param>
/// <param name="Args">The values the message names ({0}, {1} …), formatted invariantly.</param>
public sealed record GeoJsonIssue(int? Feature, string Key, IReadOnlyList<string> Args)
{
    /// <summary>The polygon's index within a MultiPolygon (0 for a Polygon).</summary>
    public int? Polygon { get; init; }

    /// <summary>The ring's index within its polygon: 0 is the outer ring, then the holes.</summary>
    public int? Ring { get; init; }

    /// <summary>The vertex's index within its ring, as written in the file.</summary>
    public int? Vertex { get; init; }

    /// <summary>The property concerned (e.g. "kind", "schedule.windows[1].start").</summary>
    public string? Property { get; init; }

    /// <summary>The location alone, e.g. "feature 2, polygon 0, ring 1, vertex 7".</summary>
    public string Location
    {
        get
        {
            var text = new StringBuilder(Feature is { } f ? $"feature {f}" : "document");
            Append(text, "polygon", Polygon);
            Append(text, "ring", Ring);
            Append(text, "vertex", Vertex);
            if (Property is not null)
            {
                text.Append(", property ").Append(Property);
            }

            return text.ToString();
        }
    }

    /// <inheritdoc />
    public override string ToString() => Args.Count == 0 ? $"{Location}: {Key}" : $"{Location}: {Key} ({string.Join(", ", Args)})";

    private static void Append(StringBuilder text, string label, int? value)
    {
        if (value is { } v)
        {
            text.Append(", ").Append(label).Append(' ').Append(v);
        }
    }
}
