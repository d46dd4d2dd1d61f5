using CommandCenter.Alerts.Rules;
using Npgsql;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// A pattern judged from the database on a period, not from one node's memory: with ingest partitioned across nodes,
/// no node holds every subject's state. Each run takes a transaction-scoped advisory lock first, so that of nodes
/// running at the same moment one judges and the others pass; what a later run raises again is absorbed by the
/// open-alert unique index, so raising stays idempotent. The decisions are stored by the ingest writer's own
/// statements in the same transaction.
/// </summary>
public abstract class PatternJob(NpgsqlDataSource dataSource, IngestBatchWriter writer, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The advisory lock that one run of this job holds across the cluster.</summary>
    public abstract long LockKey { get; }

    /// <summary>The wait between runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the site has the pattern switched on.</summary>
    protected abstract bool Enabled { get; }

    /// <summary>The decisions of one run, read inside its locked transaction.</summary>
    protected abstract Task<IReadOnlyList<AlertDecision>> JudgeAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Runs the job once as of <paramref name="now"/>, unless another run holds the lock.</summary>
    public async Task<PatternRun> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", LockKey);
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return PatternRun.Skipped;
            }
        }

        var decisions = await JudgeAsync(connection, now, cancellationToken);
        var alerts = decisions.Count == 0 ? [] : await writer.WriteAlertsAsync(connection, decisions, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PatternRun(true, decisions.Count, alerts.Count(a => a.Inserted));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            if (!Enabled)
            {
                continue;
            }

            try
            {
                var run = await RunOnceAsync(time.GetUtcNow(), stoppingToken);
                logger.LogDebug("{Job}: ran {Ran}, {Decisions} decisions, {Raised} raised.", GetType().Name, run.Ran, run.Decisions, run.Raised);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next run judges again from the database: nothing of a failed run was stored.
                logger.LogWarning(exception, "{Job} failed; it runs again in {Interval}.", GetType().Name, Interval);
            }
        }
    }
}
