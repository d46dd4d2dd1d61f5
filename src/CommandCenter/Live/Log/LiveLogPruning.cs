using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Live.Log;

/// <summary>
/// Deletes entries of the live log older than <see cref="LiveOptions.LogKept"/>, every few minutes. Every
/// node may run it: a delete by age is the same whoever runs it.
/// </summary>
public class LiveLogPruning(NpgsqlDataSource dataSource, TimeProvider time, IOptions<LiveOptions> options, ILogger<LiveLogPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Pruning the live log failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes what is older than kept; answers how many entries went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM live_log WHERE at < @before", connection);
        command.Parameters.AddWithValue("before", time.GetUtcNow() - options.Value.LogKept);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
