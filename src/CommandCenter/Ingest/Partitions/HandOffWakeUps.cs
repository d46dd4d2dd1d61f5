using System.Globalization;
using Npgsql;

namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// Wakes the owner of a partition as soon as another node hands it work: <see cref="HandOffs"/> sends a NOTIFY on
/// <see cref="Channel"/> with the partitions it wrote to, delivered at that node's commit, and this node, listening on
/// a connection of its own, raises the <see cref="HandOffSignal"/> when one of them is its own. Without it the owner
/// would find the work only at its next <see cref="IngestOptions.HandOffPoll"/>; the poll stays, because a
/// notification sent while this connection is down is lost (the hand-off rows are not).
/// </summary>
public sealed class HandOffWakeUps(NpgsqlDataSource dataSource, SubjectPartitions partitions, HandOffSignal signal, ILogger<HandOffWakeUps> logger) : BackgroundService
{
    /// <summary>The channel; the payload is the partitions handed to, separated by commas.</summary>
    public const string Channel = "ingest_hand_off";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!partitions.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (ForThisNode(notification.Payload))
                    {
                        signal.Raise();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                logger.LogWarning(exception, "Listening for hand-offs failed; the owner polls meanwhile. Trying again in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private bool ForThisNode(string payload)
    {
        var owned = partitions.Owned;
        foreach (var part in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var partition) && owned.Contains(partition))
            {
                return true;
            }
        }

        return false;
    }
}
