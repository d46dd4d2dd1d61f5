using CommandCenter.TestSupport.Operations;

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
        var metrics = new PrometheusText(await client.GetStringAsync(new Uri(node, "/metrics")));
        double Collections(string generation) => metrics.Sum("dotnet_gc_collections_total", ("gc_heap_generation", generation));
        return new NodeGarbage(metrics.Sum("dotnet_gc_pause_time_seconds_total"), Collections("gen0"), Collections("gen1"), Collections("gen2"));
    }

    public static NodeGarbage operator -(NodeGarbage after, NodeGarbage before) =>
        new(after.PausedSeconds - before.PausedSeconds, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
}
