using CommandCenter.Hosting;
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
        // The app's role does not own the positions table; the owner's SECURITY DEFINER function attaches the day.
        await using var command = dataSource.CreateCommand("SELECT create_positions_partition($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = to.ToUniversalTime() });
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
