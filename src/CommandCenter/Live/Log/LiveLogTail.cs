using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Live.Log;

/// <summary>
/// Every node reads the live log in order and publishes each entry once, to its own clients and
/// subscribers. A NOTIFY on <see cref="LiveLog.Channel"/> wakes it at once; it reads anyway every
/// <see cref="LiveOptions.TailPoll"/>, because a notification sent while its connection was down is gone
/// (the log is not). It starts at the log's end: what came before is for <c>Missed</c> and the reload.
/// </summary>
public class LiveLogTail(
    NpgsqlDataSource dataSource,
    LiveFeed feed,
    LiveAlertMessages messages,
    IOptions<LiveOptions> options,
    ILogger<LiveLogTail> logger) : BackgroundService
{
    private const int Page = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Where the tail starts; a database that is down at start delays it, not the app.
        var bounds = await WithRetryAsync(token => new LiveLogReader(dataSource).BoundsAsync(token), stoppingToken);
        feed.Begin(bounds.Epoch, bounds.Last);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveLog.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // A notification that arrives while the tail reads is delivered during that read, not to the
                // wait after it: remember it, and read again at once rather than wait for the poll.
                var woken = 0;
                connection.Notification += (_, _) => Interlocked.Exchange(ref woken, 1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref woken, 0);
                    await CatchUpAsync(connection, stoppingToken);
                    if (Interlocked.Exchange(ref woken, 0) == 0)
                    {
                        await connection.WaitAsync(options.Value.TailPoll, stoppingToken);
                    }
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                logger.LogWarning(exception, "Tailing the live log failed; trying again in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await LiveLogReader.AfterAsync(connection, feed.LastSequence, Page, alertsOnly: false, squad: null, cancellationToken);
            foreach (var (entry, payload, alert) in await messages.ResolveAsync(entries, cancellationToken))
            {
                await feed.PublishAsync(entry, payload, alert);
            }

            if (entries.Count < Page)
            {
                return;
            }
        }
    }

    private async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read(cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                if (attempt % 30 == 1)
                {
                    logger.LogWarning(exception, "Reading the live log's end failed; trying again.");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
