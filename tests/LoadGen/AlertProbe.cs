using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.LoadGen;

/// <summary>
/// Measures how long an alert takes to reach a wall: a probe subject steps into the zone banned to them
/// (a victim's home, which alerts on the first fix), and the time from sending that request to hearing
/// alertRaised for the subject on a signed-in SignalR connection is one sample. The wall's connection
/// also takes every positions frame, as a real wall does.
/// </summary>
internal sealed class AlertProbe
{
    private readonly HttpClient client;
    private readonly Queue<LoadSubject> unused;
    private readonly ConcurrentDictionary<int, long> sentAt = new();
    private readonly ConcurrentBag<double> latencies = [];

    public AlertProbe(HttpClient client, HubConnection wall, IEnumerable<LoadSubject> probes)
    {
        this.client = client;
        unused = new Queue<LoadSubject>(probes);
        wall.On<JsonElement>("alertRaised", alert =>
        {
            if (sentAt.TryRemove(alert.GetProperty("subjectId").GetInt32(), out var sent))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        });
    }

    private long accepted;

    /// <summary>Probe fixes answered 202.</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Probes sent whose alert never arrived.</summary>
    public int Unanswered => sentAt.Count;

    public IReadOnlyList<double> Latencies => [.. latencies];

    /// <summary>Sends one probe every <paramref name="every"/> for <paramref name="duration"/>, then waits a moment for the last alerts.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan every)
    {
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        while (clock.Elapsed < duration && unused.TryDequeue(out var probe))
        {
            sends.Add(SendAsync(probe));
            await Task.Delay(every);
        }

        await Task.WhenAll(sends);
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    private async Task SendAsync(LoadSubject probe)
    {
        var (longitude, latitude) = probe.ProbeZone!.Value;
        var body = FixBodies.Batch([(probe, TimeProvider.System.GetUtcNow(), longitude, latitude)]);
        sentAt[probe.Id] = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync("/api/v1/positions", body);
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Counted as unanswered: its alert never comes.
        }
    }
}
