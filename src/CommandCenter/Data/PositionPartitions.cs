using CommandCenter.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// Creates the daily partitions of the positions table ahead of time. Days follow the site's
/// time zone so that one partition holds one duty day. A fix that falls on no day partition lands in the
/// default partition, so nothing is ever refused for want of a partition.
/// </summary>
public class PositionPartitions(
    NpgsqlDataSource dataSource, TimeProvider time, IOptions<DatabaseOptions> options, IOptions<RetentionOptions> retention, SiteClock clock,
    ILogger<PositionPartitions> logger)
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
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateTable)
        {
            // Another node's maintenance made the same day at the same moment; the day is there.
        }
    }

    /// <summary>
    /// Orders the newest settled day partition not yet ordered by place (CLUSTER on its part of ix_positions_location);
    /// returns its name, or null when every settled day already is. Fixes are written minute by minute for everyone at
    /// once, so the fixes of one place lie one to a page; ordered, they share a few pages and who-was-there reads
    /// those few instead. CLUSTER locks the partition while it rewrites it, so the owner's function takes only a day
    /// that ended two hours ago or more by the database's own clock (never today's, whatever the app's clock says),
    /// one a call (a bounded pause for a late fix of that day), and gives up rather than wait long for its lock.
    /// </summary>
    public async Task<string?> ClusterSettledAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT cluster_settled_positions_partition()");
        command.CommandTimeout = 0;
        var clustered = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (clustered is not null)
        {
            logger.LogInformation("Ordered the positions partition {Partition} by place.", clustered);
        }

        return clustered;
    }

    /// <summary>
    /// Drops the day partitions older than the retention, and the movement sums of those days; returns the partitions'
    /// names. The owner's function drops only partitions of the positions table named by day, and none younger than a
    /// year whatever it is asked.
    /// </summary>
    public async Task<IReadOnlyList<string>> DropExpiredAsync(CancellationToken cancellationToken)
    {
        var firstKept = clock.Today(time.GetUtcNow()).AddDays(-retention.Value.PositionsDays);
        await using var command = dataSource.CreateCommand("SELECT drop_positions_partitions_before($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = firstKept });
        var dropped = new List<string>();

        // Disposed exactly once, at the end of this block: the reader returns the pool's connection, and Npgsql hands both
        // to the next command; a second dispose would close that command's reader under it.
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add(reader.GetString(0));
            }
        }

        if (dropped.Count > 0)
        {
            logger.LogInformation("Dropped {Count} positions partitions older than {FirstKept}: {Partitions}.", dropped.Count, firstKept, string.Join(", ", dropped));
        }

        // The daily movement sums are read from positions and say where a person was by night and by day: they go
        // with the days they were read from. Only after the database's own function has accepted the day, so a clock
        // run ahead cannot reach younger sums through this path either.
        await using var sums = dataSource.CreateCommand("DELETE FROM movement_days WHERE day < $1");
        sums.Parameters.Add(new NpgsqlParameter { Value = firstKept });
        var forgotten = await sums.ExecuteNonQueryAsync(cancellationToken);
        if (forgotten > 0)
        {
            logger.LogInformation("Deleted {Count} daily movement sums older than {FirstKept}.", forgotten, firstKept);
        }

        return dropped;
    }
}
