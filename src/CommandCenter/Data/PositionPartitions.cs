using CommandCenter.Site;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// Creates the daily partitions of the positions table ahead of time. Days follow the site's
/// time zone so that one partition holds one duty day. A fix that falls on no day partition lands in the
/// default partition, so nothing is ever refused for want of a partition.
/// </summary>
public class PositionPartitions(NpgsqlDataSource dataSource, TimeProvider time, IOptions<DatabaseOptions> options, SiteClock clock, ILogger<PositionPartitions> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        for (var offset = -1; offset <= options.Value.PartitionDaysAhead; offset++)
        {
            await EnsureDayAsync(today.AddDays(offset), cancellationToken);
        }
    }

    public async Task EnsureDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = clock.StartOfDay(day);
        var to = clock.StartOfDay(day.AddDays(1));
        var name = $"positions_{day:yyyyMMdd}";
        await using var command = dataSource.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF positions FOR VALUES FROM ('{from:O}') TO ('{to:O}')");
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // Rows of that day already sit in the default partition (the clock jumped, or old fixes arrived first); they stay there.
            logger.LogWarning("The positions partition {Partition} was not created: the default partition already holds rows of that day.", name);
        }
    }
}
