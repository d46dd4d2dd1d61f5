using System.Diagnostics;

namespace CommandCenter.LoadGen;

/// <summary>
/// An open-model load: batches of fixes go out on a fixed schedule whatever the answers, as devices in the
/// field report whether or not the server keeps up. Each subject in turn reports from near home, its fix
/// time always later than its last one. At most <see cref="MaxOpenRequests"/> requests are open at a time;
/// a batch due beyond that is counted as not sent, so a server that falls behind shows as a shortfall
/// rather than as an ever-growing queue inside the generator. With a <paramref name="ledger"/>, every fix
/// answered 202 is written down (its device and time), so each can be looked for in the database afterwards.
/// </summary>
internal sealed class OpenLoop(HttpClient client, IReadOnlyList<LoadSubject> subjects, int batchSize, AcceptedFixes? ledger = null)
{
    private const int MaxOpenRequests = 512;

    private readonly DateTimeOffset[] lastFix = new DateTimeOffset[subjects.Count];
    private readonly Random random = new(11);
    private int cursor;
    private int open;

    public async Task<PhaseResult> RunAsync(double fixesPerSecond, TimeSpan duration)
    {
        var result = new PhaseResult();
        var batchesPerSecond = fixesPerSecond / batchSize;
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long launched = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * batchesPerSecond);
            for (; launched < due; launched++)
            {
                if (Volatile.Read(ref open) >= MaxOpenRequests)
                {
                    result.Skipped(batchSize);
                    continue;
                }

                running.Add(SendAsync(NextBatch(), result));
            }

            if (running.Count > 2_000)
            {
                running.RemoveAll(t => t.IsCompleted);
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(running);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private List<(LoadSubject, DateTimeOffset, double, double)> NextBatch()
    {
        var now = TimeProvider.System.GetUtcNow();
        var nowMs = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var batch = new List<(LoadSubject, DateTimeOffset, double, double)>(batchSize);
        for (var i = 0; i < batchSize; i++)
        {
            var index = cursor++ % subjects.Count;
            var subject = subjects[index];
            var time = nowMs > lastFix[index] ? nowMs : lastFix[index].AddMilliseconds(1);
            lastFix[index] = time;
            batch.Add((subject, time, subject.HomeLongitude + (random.NextDouble() - 0.5) * 0.001, subject.HomeLatitude + (random.NextDouble() - 0.5) * 0.001));
        }

        return batch;
    }

    private async Task SendAsync(List<(LoadSubject, DateTimeOffset, double, double)> batch, PhaseResult result)
    {
        Interlocked.Increment(ref open);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync("/api/v1/positions", FixBodies.Batch(batch));
            result.Record((int)response.StatusCode, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                ledger?.Add(batch);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            result.Record(0, batch.Count, 0);
        }
        finally
        {
            Interlocked.Decrement(ref open);
        }
    }
}
