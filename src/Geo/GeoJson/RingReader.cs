using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// Reads one linear ring of a GeoJSON polygon, repairing what is unambiguous (a ring left open, a
/// position repeated, a zero-width spike, the orientation) and reporting the rest by vertex.
/// </summary>
internal static class RingReader
{
    /// <summary>
    /// Returns the closed, cleaned ring, oriented counter-clockwise for an outer ring and clockwise for
    /// a hole (RFC 7946's right-hand rule), with the file index of each vertex; null when refused.
    /// </summary>
    public static CleanRing? Read(JsonElement ring, int polygon, int ringIndex, ImportLog log)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            log.Error(GeoJsonMessages.RingNotArray, polygon, ringIndex);
            return null;
        }

        var points = ReadPositions(ring, polygon, ringIndex, log);
        if (points is null)
        {
            return null;
        }

        if (points.Count > 1 && points[0].Coordinate.Equals2D(points[^1].Coordinate))
        {
            points.RemoveAt(points.Count - 1);
        }
        else if (points.Count > 0)
        {
            log.Repair(GeoJsonMessages.RingClosed, polygon, ringIndex, points[^1].FileIndex);
        }

        RemoveRepeatsAndSpikes(points, polygon, ringIndex, log);
        if (points.Count < 3)
        {
            log.Error(GeoJsonMessages.TooFewPositions, polygon, ringIndex);
            return null;
        }

        var coordinates = points.Select(p => p.Coordinate).Append(points[0].Coordinate.Copy()).ToArray();
        var fileIndexes = points.Select(p => p.FileIndex).Append(points[0].FileIndex).ToArray();
        bool isShell = ringIndex == 0;
        if (Orientation.IsCCW(coordinates) != isShell)
        {
            Array.Reverse(coordinates);
            Array.Reverse(fileIndexes);
            log.Repair(isShell ? GeoJsonMessages.ShellReversed : GeoJsonMessages.HoleReversed, polygon, ringIndex);
        }

        return new CleanRing(polygon, ringIndex, coordinates, fileIndexes);
    }

    private static List<RingPoint>? ReadPositions(JsonElement ring, int polygon, int ringIndex, ImportLog log)
    {
        var points = new List<RingPoint>(ring.GetArrayLength());
        int errorsBefore = log.ErrorCount;
        int vertex = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (TryReadPosition(position, out double longitude, out double latitude, out string? problem))
            {
                if (Wgs84.IsValidPosition(longitude, latitude))
                {
                    points.Add(new RingPoint(new Coordinate(longitude, latitude), vertex));
                }
                else
                {
                    log.Error(GeoJsonMessages.OutOfRange, polygon, ringIndex, vertex, args: [ImportLog.Text(longitude), ImportLog.Text(latitude)]);
                }
            }
            else
            {
                log.Error(problem!, polygon, ringIndex, vertex);
            }

            vertex++;
        }

        return log.ErrorCount == errorsBefore ? points : null;
    }

    private static bool TryReadPosition(JsonElement position, out double longitude, out double latitude, out string? problem)
    {
        longitude = latitude = 0;
        problem = null;
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
        {
            problem = GeoJsonMessages.PositionNotArray;
            return false;
        }

        // A third number (altitude) is allowed by RFC 7946 and ignored: fences are two-dimensional.
        if (position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
            || !position[0].TryGetDouble(out longitude) || !position[1].TryGetDouble(out latitude))
        {
            problem = GeoJsonMessages.PositionNotNumbers;
            return false;
        }

        return true;
    }

    // Works on the open ring as a cycle, so the closing vertex is treated like any other.
    private static void RemoveRepeatsAndSpikes(List<RingPoint> points, int polygon, int ringIndex, ImportLog log)
    {
        bool changed = true;
        while (changed && points.Count >= 2)
        {
            changed = false;
            for (int i = 0; i < points.Count && points.Count >= 2; i++)
            {
                int next = (i + 1) % points.Count;
                if (points[i].Coordinate.Equals2D(points[next].Coordinate))
                {
                    log.Repair(GeoJsonMessages.RepeatedPosition, polygon, ringIndex, points[next].FileIndex);
                    points.RemoveAt(next);
                    changed = true;
                    i--;
                }
            }

            for (int i = 0; i < points.Count && points.Count >= 3; i++)
            {
                int previous = (i - 1 + points.Count) % points.Count;
                int next = (i + 1) % points.Count;
                if (points[previous].Coordinate.Equals2D(points[next].Coordinate))
                {
                    // Out to a point and straight back: a spike of no width, which encloses nothing.
                    log.Repair(GeoJsonMessages.Spike, polygon, ringIndex, points[i].FileIndex);
                    points.RemoveAt(i);
                    changed = true;
                    break;
                }
            }
        }
    }

    private readonly record struct RingPoint(Coordinate Coordinate, int FileIndex);
}
