namespace CommandCenter.Data;

/// <summary>Keeps the positions partitions created a week ahead and drops those past their retention, checking every hour.</summary>
public class PartitionMaintenance(PositionPartitions partitions, TimeProvider time, ILogger<PartitionMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await partitions.EnsureAsync(stoppingToken);
                await partitions.DropExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Creating or dropping positions partitions failed; retrying in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
