using CommandCenter.Live;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Benchmarks.Wall;

/// <summary>
/// A crowd of people moving in the app's own process: each frame interval every one of them gets a fix, handed
/// to the live feed as ingest hands committed fixes, so the frame pump and the hub carry them to the walls. The
/// crowd stands around the seeded people, in their squads, so it lies where a county's people do.
/// </summary>
internal sealed class MovingCrowd : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;
    private int rounds;

    private MovingCrowd()
    {
    }

    /// <summary>How many times the whole crowd has moved.</summary>
    public int Rounds => Volatile.Read(ref rounds);

    public static async Task<MovingCrowd> StartAsync(CommandCenterApp app, int people)
    {
        var seeded = await SeededAsync(app.ConnectionString);
        var crowd = new MovingCrowd();
        var feed = app.Services.GetRequiredService<LiveFeed>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var interval = TimeSpan.FromMilliseconds(250);
        crowd.running = Task.Run(() => crowd.MoveAsync(feed, time, seeded, people, interval));
        return crowd;
    }

    private async Task MoveAsync(LiveFeed feed, TimeProvider time, List<(int Squad, double Latitude, double Longitude)> seeded, int people, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var round = Interlocked.Increment(ref rounds);
                var now = time.GetUtcNow();
                var fixes = new PositionUpdate[people];
                for (var id = 1; id <= people; id++)
                {
                    // Each person keeps a spot of their own near a seeded one and circles around it.
                    var (squad, latitude, longitude) = seeded[id % seeded.Count];
                    var spread = (id * 7919 % 1000) / 1000.0 * Math.Tau;
                    fixes[id - 1] = new PositionUpdate(id, squad,
                        latitude + (Math.Sin(spread) * 0.03) + (Math.Sin((round / 7.0) + id) * 0.002),
                        longitude + (Math.Cos(spread) * 0.03) + (Math.Cos((round / 7.0) + id) * 0.002),
                        now);
                }

                feed.QueuePositions(fixes);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static async Task<List<(int Squad, double Latitude, double Longitude)>> SeededAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT s.squad_id, ST_Y(p.location), ST_X(p.location) FROM latest_positions p JOIN subjects s ON s.id = p.subject_id ORDER BY s.id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var seeded = new List<(int, double, double)>();
        while (await reader.ReadAsync())
        {
            seeded.Add((reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        return seeded.Count > 0 ? seeded : throw new InvalidOperationException("The seeded county has no positions to stand the crowd around.");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}
