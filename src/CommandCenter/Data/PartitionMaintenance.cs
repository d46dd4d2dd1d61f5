namespace CommandCenter.Data;

/// <summary>
/// Keeps the positions partitions created a week ahead, drops those past their retention and orders the newest settled
/// day by place, checking every hour.
/// </summary>
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
                await partitions.ClusterSettledAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Creating, dropping or ordering positions partitions failed; retrying in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
