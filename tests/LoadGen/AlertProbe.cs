using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace CommandCenter.LoadGen;

/// <summary>
/// Measures how long an alert takes to reach a wall: a probe subject steps into the zone banned to them
/// (a victim's home, which alerts on the first fix), and the time from sending that request to hearing
/// alertRaised for the subject on a signed-in SignalR connection is one sample. The wall's connection
/// also takes every positions frame, as a real wall does. Each probe also keeps the wall-clock times of its
/// send, its 202 and its alert, so that <see cref="StagesAsync"/> can place them against what the database
/// stored: where a slow alert spent its time.
/// </summary>
internal sealed class AlertProbe
{
    private readonly HttpClient client;
    private readonly Queue<LoadSubject> unused;
    private readonly ConcurrentDictionary<int, long> sentAt = new();
    private readonly ConcurrentDictionary<int, Sample> samples = new();
    private readonly ConcurrentBag<double> latencies = [];

    public AlertProbe(HttpClient client, HubConnection wall, IEnumerable<LoadSubject> probes)
    {
        this.client = client;
        unused = new Queue<LoadSubject>(probes);
        wall.On<JsonElement>("alertRaised", alert =>
        {
            var subjectId = alert.GetProperty("subjectId").GetInt32();
            if (sentAt.TryRemove(subjectId, out var sent))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (samples.TryGetValue(subjectId, out var sample))
                {
                    sample.Heard = TimeProvider.System.GetUtcNow();
                }
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

    /// <summary>
    /// The heard probes' stages in milliseconds, from what the database kept: send → the accepting node's batch began
    /// (positions.received_at), → its 202, → the judging node's batch began (alerts.raised_at), → the alert appended to
    /// the live log (live_log.at), → heard on the wall.
    /// A probe judged where it was accepted has its alert raised in the batch that stored it; the others were handed off.
    /// </summary>
    public async Task<List<ProbeStages>> StagesAsync(string database)
    {
        var heard = samples.Where(s => s.Value.Heard is not null && s.Value.Answered is not null).ToDictionary(s => s.Key, s => s.Value);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.subject_id, p.received_at, a.raised_at, l.at FROM positions p
            JOIN alerts a ON a.subject_id = p.subject_id AND a.fix_time = p.fix_time
            JOIN live_log l ON l.kind = 'alertRaised' AND (l.payload->>'alertId')::bigint = a.id
            WHERE p.subject_id = ANY(@subjects)
            """, connection);
        command.Parameters.AddWithValue("subjects", heard.Keys.ToArray());
        var stages = new List<ProbeStages>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sample = heard[reader.GetInt32(0)];
            var received = reader.GetFieldValue<DateTimeOffset>(1);
            var raised = reader.GetFieldValue<DateTimeOffset>(2);
            var appended = reader.GetFieldValue<DateTimeOffset>(3);
            stages.Add(new ProbeStages(
                HandedOff: raised != received,
                Queued: (received - sample.Sent).TotalMilliseconds,
                Stored: (sample.Answered!.Value - received).TotalMilliseconds,
                Taken: (raised - sample.Answered!.Value).TotalMilliseconds,
                Judged: (appended - raised).TotalMilliseconds,
                Told: (sample.Heard!.Value - appended).TotalMilliseconds,
                Total: (sample.Heard!.Value - sample.Sent).TotalMilliseconds));
        }

        return stages;
    }

    private async Task SendAsync(LoadSubject probe)
    {
        var (longitude, latitude) = probe.ProbeZone!.Value;
        var body = FixBodies.Batch([(probe, TimeProvider.System.GetUtcNow(), longitude, latitude)]);
        var sample = new Sample { Sent = TimeProvider.System.GetUtcNow() };
        samples[probe.Id] = sample;
        sentAt[probe.Id] = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync("/api/v1/positions", body);
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                sample.Answered = TimeProvider.System.GetUtcNow();
                Interlocked.Increment(ref accepted);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Counted as unanswered: its alert never comes.
        }
    }

    private sealed class Sample
    {
        public DateTimeOffset Sent { get; init; }

        public DateTimeOffset? Answered { get; set; }

        public DateTimeOffset? Heard { get; set; }
    }
}
