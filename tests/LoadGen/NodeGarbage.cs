using System.Globalization;

namespace CommandCenter.LoadGen;

/// <summary>
/// What a node's garbage collector has done since it started, from its /metrics (the runtime's own meter, which a
/// loopback caller may read): the time the app stood still for it, and the collections by generation. Read before
/// and after a phase, it says how much of a latency's tail the collector could explain.
/// </summary>
internal sealed record NodeGarbage(double PausedSeconds, double Gen0, double Gen1, double Gen2)
{
    public static async Task<NodeGarbage> ReadAsync(HttpClient client, Uri node)
    {
        var text = await client.GetStringAsync(new Uri(node, "/metrics"));
        var lines = text.Split('\n');
        double Sum(string name, string? generation = null) => lines
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (generation is null || l.Contains($"gc_heap_generation=\"{generation}\"", StringComparison.Ordinal)))
            .Select(Value)
            .Sum();
        return new NodeGarbage(Sum("dotnet_gc_pause_time_seconds_total"), Sum("dotnet_gc_collections_total", "gen0"),
            Sum("dotnet_gc_collections_total", "gen1"), Sum("dotnet_gc_collections_total", "gen2"));
    }

    // "name{labels} value [timestamp]": the value is the first word after the name and its labels.
    private static double Value(string line)
    {
        var labelsEnd = line.IndexOf('}', StringComparison.Ordinal);
        var rest = line[((labelsEnd >= 0 ? labelsEnd : line.IndexOf(' ', StringComparison.Ordinal)) + 1)..].Trim();
        return double.Parse(rest.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static NodeGarbage operator -(NodeGarbage after, NodeGarbage before) =>
        new(after.PausedSeconds - before.PausedSeconds, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
}
