using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.LoadGen;

/// <summary>
/// Measures a failover: probe subjects, each on its own, step into their banned zone through nginx every
/// <c>every</c>, before and after a node is killed. Probes are spread over many subjects, so once each
/// subject's rules live on one node, some belong to the dead one. A probe is answered when the fix got 202
/// and the wall heard its alert within <see cref="AnsweredWithin"/>. The rules run again from the first
/// answered probe after the last unanswered one; the failover is the time from the kill to its alert, or the
/// longest wait of a probe sent after the kill when that is longer (a probe that waited for the takeover less than
/// <see cref="AnsweredWithin"/> counts as answered, and would otherwise leave the figure at a fraction of a second).
/// </summary>
internal sealed class FailoverProbe
{
    /// <summary>An alert later than this counts as not answered: the target for p99 is 250 ms.</summary>
    public static readonly TimeSpan AnsweredWithin = TimeSpan.FromSeconds(2);

    private readonly HttpClient client;
    private readonly Queue<LoadSubject> unused;
    private readonly ConcurrentDictionary<int, Sample> samples = new();

    public FailoverProbe(HttpClient client, HubConnection wall, IEnumerable<LoadSubject> probes)
    {
        this.client = client;
        unused = new Queue<LoadSubject>(probes);
        wall.On<JsonElement>("alertRaised", alert =>
        {
            if (samples.TryGetValue(alert.GetProperty("subjectId").GetInt32(), out var sample))
            {
                sample.Heard ??= Stopwatch.GetTimestamp();
            }
        });
    }

    /// <summary>Probes sent with no alert heard at all.</summary>
    public int Unheard => samples.Values.Count(s => s.Heard is null);

    /// <summary>Probe fixes answered 202.</summary>
    public long Accepted => samples.Values.Count(s => s.Accepted);

    /// <summary>Probes for <paramref name="before"/>, then <paramref name="kill"/>, then probes for <paramref name="after"/>.</summary>
    public async Task<FailoverResult> RunAsync(TimeSpan before, Func<Task> kill, TimeSpan after, TimeSpan every)
    {
        var sends = new List<Task>();
        var clock = Stopwatch.StartNew();
        long killedAt = 0;
        while (clock.Elapsed < before + after && unused.TryDequeue(out var probe))
        {
            if (killedAt == 0 && clock.Elapsed >= before)
            {
                await kill();
                killedAt = Stopwatch.GetTimestamp();
            }

            sends.Add(SendAsync(probe));
            await Task.Delay(every);
        }

        await Task.WhenAll(sends);
        await Task.Delay(AnsweredWithin + TimeSpan.FromSeconds(1));
        return Judge(killedAt);
    }

    private FailoverResult Judge(long killedAt)
    {
        var afterKill = samples.Values.Where(s => s.Sent >= killedAt).OrderBy(s => s.Sent).ToList();
        bool Answered(Sample s) => s.Accepted && s.Heard is { } heard && Stopwatch.GetElapsedTime(s.Sent, heard) <= AnsweredWithin;
        double Since(long timestamp) => Stopwatch.GetElapsedTime(killedAt, timestamp).TotalSeconds;

        var lastUnanswered = afterKill.LastOrDefault(s => !Answered(s));
        var recovered = afterKill.FirstOrDefault(s => Answered(s) && (lastUnanswered is null || s.Sent > lastUnanswered.Sent));
        var lastRefused = afterKill.LastOrDefault(s => !s.Accepted);
        // A probe of the dead node's subjects waits among the hand-offs until a survivor takes its partition. Heard within
        // AnsweredWithin, it does not move the figure above; its wait is the failover as its subject saw it.
        var longestWait = afterKill.Where(Answered).Select(s => Stopwatch.GetElapsedTime(s.Sent, s.Heard!.Value).TotalSeconds).DefaultIfEmpty(double.NaN).Max();
        return new FailoverResult(
            RulesAgainSeconds: recovered?.Heard is { } heard ? Math.Max(Since(heard), longestWait) : double.NaN,
            LongestWaitSeconds: longestWait,
            IngestGapSeconds: lastRefused is null ? 0 : Since(lastRefused.Answered),
            Probes: afterKill.Count,
            Unanswered: afterKill.Count(s => !Answered(s)));
    }

    private async Task SendAsync(LoadSubject probe)
    {
        var (longitude, latitude) = probe.ProbeZone!.Value;
        var body = FixBodies.Batch([(probe, TimeProvider.System.GetUtcNow(), longitude, latitude)]);
        var sample = new Sample { Sent = Stopwatch.GetTimestamp() };
        samples[probe.Id] = sample;
        try
        {
            using var response = await client.PostAsync("/api/v1/positions", body);
            sample.Accepted = response.StatusCode == System.Net.HttpStatusCode.Accepted;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Not accepted: the device would send it again.
        }

        sample.Answered = Stopwatch.GetTimestamp();
    }

    private sealed class Sample
    {
        public long Sent { get; init; }

        public long Answered { get; set; }

        public bool Accepted { get; set; }

        public long? Heard { get; set; }
    }
}
