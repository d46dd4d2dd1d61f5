using CommandCenter.Alerts.Rules;
using CommandCenter.Fences;
using CommandCenter.Ingest.Partitions;
using CommandCenter.Ingest.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>
/// The one writer of fixes and rule decisions. It takes what the requests queued in micro-batches (at most
/// <see cref="IngestOptions.BatchLinger"/> of waiting), lets the rules evaluate them, writes everything in
/// one transaction, and only then answers the requests and publishes. Between batches it runs the timer
/// rules and takes in the facts <see cref="DirectoryRefresh"/> read. When the database fails, the waiting
/// requests get 503, the rules' memory is left as it was, and the pipeline probes until the database
/// answers again. When several nodes share the database, it judges only the subjects of the partitions it holds
/// (<see cref="PartitionLeases"/>): it stores every fix it accepts, hands those of other partitions to their owner
/// through <see cref="HandOffs"/>, and takes what the others handed to it.
/// </summary>
public class IngestPipeline(
    IngestQueue queue,
    AlertEngine engine,
    AlertStateLoader loader,
    IngestBatchWriter writer,
    IngestPublisher publisher,
    DeviceDirectory directory,
    FenceCatalog fences,
    SubjectPartitions partitions,
    PartitionLeases leases,
    HandOffs handOffs,
    HandOffSignal handOffSignal,
    NpgsqlDataSource dataSource,
    TimeProvider time,
    IOptions<IngestOptions> ingestOptions,
    IngestMetrics metrics,
    RuleMetrics ruleMetrics,
    ILogger<IngestPipeline> logger) : BackgroundService
{
    private readonly IngestOptions options = ingestOptions.Value;
    private readonly List<SupervisionChangedWork> controlsToRetry = [];
    private NpgsqlConnection? connection;
    private DateTimeOffset lastTick;
    private int tickSlice;
    private int tickSlices = 1;
    private DateTimeOffset lastRebalance;
    private DateTimeOffset lastHandOff;
    private long factsVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await TryStartAsync(stoppingToken))
        {
            await WaitForDatabaseAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var (fixes, controls) = await CollectAsync(stoppingToken);
            await ProcessAsync(fixes, controls, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Only closed, never used again: a batch cut short by the stop may have left it mid-answer. Its session, and the
        // claim and partitions it holds, end when the app's connection pool is disposed after this.
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Reads fences, devices and the rules' memory; fixes that arrive meanwhile wait in the queue.</summary>
    private async Task<bool> TryStartAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = time.GetUtcNow();
            await fences.ReloadAsync(stoppingToken);
            await directory.RefreshAsync(stoppingToken);
            var open = await ConnectionAsync(stoppingToken);
            if (partitions.Enabled)
            {
                await leases.RebalanceAsync(open, stoppingToken);
                lastRebalance = now;
            }

            await LoadOwnedAsync(open, now, stoppingToken);
            lastTick = now;
            factsVersion = directory.Version;
            queue.State = IngestState.Running;
            logger.LogInformation("The ingest pipeline runs: {Subjects} subjects, {Fences} fences.", engine.SubjectCount, fences.Current.Count);
            return true;
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            logger.LogWarning(exception, "The ingest pipeline cannot start: the database does not answer.");
            await DatabaseFailedAsync(exception);
            return false;
        }
    }

    /// <summary>Rebuilds the rules' memory from the database for the subjects this node owns, and stores what that look decided.</summary>
    private async Task LoadOwnedAsync(NpgsqlConnection open, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var snapshots = await loader.LoadAllAsync(open, now, stoppingToken);
        var load = engine.Load(snapshots.Where(s => partitions.Owns(s.Facts.SubjectId)), now);
        var result = await writer.WriteAsync(open, [], load.Decisions, now, stoppingToken);
        load.Commit();
        await publisher.PublishAsync([], load, result, now);
    }

    private async Task<(List<FixBatchWork> Fixes, List<SupervisionChangedWork> Controls)> CollectAsync(CancellationToken stoppingToken)
    {
        var fixes = new List<FixBatchWork>();
        var controls = new List<SupervisionChangedWork>(controlsToRetry);
        controlsToRetry.Clear();
        var count = 0;

        var untilTick = lastTick + TickInterval - time.GetUtcNow();
        if (partitions.Enabled)
        {
            // An owner looks for handed-off work more often than the timers run.
            var untilHandOff = lastHandOff + options.HandOffPoll - time.GetUtcNow();
            untilTick = untilHandOff < untilTick ? untilHandOff : untilTick;
        }

        if (untilTick > TimeSpan.Zero)
        {
            await WaitForWorkAsync(untilTick, stoppingToken, orHandOff: partitions.Enabled);
        }

        Drain(fixes, controls, ref count);
        if (count > 0 && count < options.MaxBatchFixes && options.BatchLinger > TimeSpan.Zero)
        {
            // A moment's wait lets a busy second fill one transaction instead of many small ones.
            await WaitForWorkAsync(options.BatchLinger, stoppingToken);
            Drain(fixes, controls, ref count);
        }

        return (fixes, controls);
    }

    private void Drain(List<FixBatchWork> fixes, List<SupervisionChangedWork> controls, ref int count)
    {
        while (count < options.MaxBatchFixes && queue.Reader.TryRead(out var work))
        {
            switch (work)
            {
                case FixBatchWork batch:
                    queue.Dequeued(batch);
                    fixes.Add(batch);
                    count += batch.Fixes.Count;
                    break;
                case SupervisionChangedWork control:
                    controls.Add(control);
                    break;
            }
        }
    }

    /// <summary>Waits until work is queued, the timeout passes, or (with <paramref name="orHandOff"/>) another node hands off work.</summary>
    private async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken stoppingToken, bool orHandOff = false)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            var queued = queue.Reader.WaitToReadAsync(wait.Token).AsTask();
            if (orHandOff && await Task.WhenAny(queued, handOffSignal.Raised) != queued)
            {
                // Woken for hand-offs: end the wait on the queue rather than leave it registered.
                await wait.CancelAsync();
            }

            await queued;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Nothing came in time: a tick is due, or the linger is over.
        }
    }

    private async Task ProcessAsync(List<FixBatchWork> batches, List<SupervisionChangedWork> controls, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var tick = now - lastTick >= TickInterval;
        var fixes = batches.SelectMany(b => b.Fixes).ToList();
        // Woken by a hand-off, the owner takes it in this batch; the poll catches what a lost wake-up left.
        var handOffDue = partitions.Enabled && (handOffSignal.Take() | now - lastHandOff >= options.HandOffPoll);
        if (fixes.Count == 0 && controls.Count == 0 && !tick && !handOffDue)
        {
            return;
        }

        using var span = IngestTracing.Source.StartActivity("ingest batch");
        span?.SetTag("commandcenter.ingest.fixes", fixes.Count);
        span?.SetTag("commandcenter.ingest.timer_tick", tick);
        var started = time.GetTimestamp();
        EngineTransaction transaction;
        WriteResult result;
        List<AcceptedFix> evaluated;
        List<int> origins;
        int handedInFrom;
        try
        {
            var open = await ConnectionAsync(stoppingToken);
            if (partitions.Enabled && now - lastRebalance >= options.RebalanceInterval)
            {
                lastRebalance = now;
                if (await leases.RebalanceAsync(open, stoppingToken))
                {
                    await LoadOwnedAsync(open, now, stoppingToken);
                }
            }

            // The hand-offs taken commit with the decisions they lead to, or go back for the next try.
            await using var storage = await open.BeginTransactionAsync(stoppingToken);
            var (handedIn, changedElsewhere) = handOffDue ? await TakeHandOffsAsync(open, stoppingToken) : ([], []);
            (evaluated, origins) = Owned(fixes);
            handedInFrom = evaluated.Count;
            evaluated.AddRange(handedIn);
            var version = directory.Version;
            var refresh = tick && version != factsVersion;
            transaction = engine.Begin(now);
            foreach (var subjectId in controls.Select(c => c.SubjectId).Where(s => partitions.Owns(s)).Concat(changedElsewhere))
            {
                var record = await loader.LoadSupervisionAsync(open, subjectId, now, stoppingToken);
                transaction.UpdateSupervision(subjectId, record.CheckIns, record.LastCheckIn, record.Leaves);
                transaction.UpdateSpotChecks(subjectId, await loader.LoadSpotChecksAsync(open, subjectId, now, stoppingToken));
                transaction.UpdateRollCalls(subjectId, await loader.LoadRollCallAbsencesAsync(open, subjectId, now, stoppingToken));
                transaction.UpdateProtectedPeople(subjectId, await loader.LoadProtectedPeopleAsync(open, subjectId, stoppingToken));
            }

            if (refresh)
            {
                transaction.UpdateFacts([.. (await directory.SubjectsAsync(stoppingToken)).Where(s => partitions.Owns(s.Id)).Select(s => s.Facts)]);
            }

            // A span for each stage, so that a site's traces say where a slow batch spent its time.
            using (IngestTracing.Source.StartActivity("ingest evaluate"))
            {
                transaction.Evaluate([.. evaluated.Select(ToReport)]);
            }

            if (tick)
            {
                using var timers = IngestTracing.Source.StartActivity("ingest timer tick");
                transaction.Tick(tickSlice, tickSlices);
            }

            using (IngestTracing.Source.StartActivity("ingest write"))
            {
                // Handed off before the alerts are written: their audit row and live log entries take locks that every
                // node's alerts take turns on until the commit, so nothing else comes between those and the commit.
                if (partitions.Enabled)
                {
                    await handOffs.HandOffAsync(open, Unique([.. fixes.Where(f => !partitions.Owns(f.Device.Subject.Id))]),
                        [.. controls.Select(c => c.SubjectId).Where(s => !partitions.Owns(s))], stoppingToken);
                }

                result = await writer.WriteWithinAsync(open, Unique(fixes), transaction.Decisions, now, stoppingToken);
            }

            using (IngestTracing.Source.StartActivity("ingest commit"))
            {
                await storage.CommitAsync(stoppingToken);
            }

            transaction.Commit();
            if (handOffDue && handedIn.Count + changedElsewhere.Count < options.MaxBatchFixes)
            {
                lastHandOff = now;
            }

            if (tick)
            {
                lastTick = now;
                factsVersion = refresh ? version : factsVersion;
                NextSlice();
            }
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "database unavailable");
            logger.LogWarning(exception, "Writing {Fixes} fixes failed: the database does not answer. The requests get 503.", fixes.Count);
            controlsToRetry.AddRange(controls);
            Fail(batches, exception);
            await DatabaseFailedAsync(exception);
            await WaitForDatabaseAsync(stoppingToken);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ConflictingNodeException)
        {
            // A fault of ours, not the database's: these requests fail, the pipeline goes on.
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            logger.LogError(exception, "Writing {Fixes} fixes failed.", fixes.Count);
            foreach (var batch in batches)
            {
                batch.Completion.TrySetException(exception);
            }

            await DropConnectionAsync();
            return;
        }

        // Counted before the requests are answered, so a sender that got its 202 finds the counters already moved.
        metrics.BatchWritten(time.GetElapsedTime(started), fixes.Count);
        ruleMetrics.AlertsRaised(result.Alerts);
        span?.SetTag("commandcenter.ingest.stored", result.Stored.Count);
        span?.SetTag("commandcenter.ingest.alerts", result.Alerts.Count);
        BatchAnswers.Answer(batches, origins, transaction, result);
        await publisher.PublishAsync(evaluated, transaction, result, now, handedInFrom);
    }

    private async Task<(List<AcceptedFix> Fixes, List<int> SupervisionChanged)> TakeHandOffsAsync(NpgsqlConnection open, CancellationToken stoppingToken)
    {
        using var span = IngestTracing.Source.StartActivity("ingest take hand-offs");
        var taken = await handOffs.TakeAsync(open, options.MaxBatchFixes, stoppingToken);
        span?.SetTag("commandcenter.ingest.handed_in", taken.Fixes.Count);
        return taken;
    }

    /// <summary>How long from one timer tick to the next: the interval cut into the round's slices.</summary>
    private TimeSpan TickInterval => options.TimerInterval / tickSlices;

    /// <summary>
    /// Moves to the next slice of the timer round; a new round is cut to the subjects held then, so a subject is reviewed
    /// once a round even when partitions come and go between rounds.
    /// </summary>
    private void NextSlice()
    {
        if (++tickSlice < tickSlices)
        {
            return;
        }

        tickSlice = 0;
        tickSlices = Math.Clamp((engine.SubjectCount + options.TimerSliceSubjects - 1) / options.TimerSliceSubjects, 1, IngestOptions.MaxTimerSlices);
    }

    /// <summary>The fixes whose rules run here, with where each stands among all the fixes.</summary>
    private (List<AcceptedFix> Owned, List<int> Origins) Owned(List<AcceptedFix> fixes)
    {
        if (!partitions.Enabled)
        {
            return ([.. fixes], [.. Enumerable.Range(0, fixes.Count)]);
        }

        var owned = new List<AcceptedFix>();
        var origins = new List<int>();
        for (var i = 0; i < fixes.Count; i++)
        {
            if (partitions.Owns(fixes[i].Device.Subject.Id))
            {
                owned.Add(fixes[i]);
                origins.Add(i);
            }
        }

        return (owned, origins);
    }

    private static FixReport ToReport(AcceptedFix fix) =>
        new(fix.Device.Subject.Facts, fix.FixTime, fix.Longitude, fix.Latitude)
        {
            AccuracyMetres = fix.Accuracy,
            BatteryPercent = fix.Battery,
            Charging = fix.Charging,
            Event = fix.Event,
        };

    /// <summary>A fix sent twice in one micro-batch is copied once.</summary>
    private static List<AcceptedFix> Unique(List<AcceptedFix> fixes) =>
        fixes.Count < 2 ? fixes : [.. fixes.DistinctBy(f => (f.Device.DeviceId, f.FixTime))];

    private void Fail(IEnumerable<FixBatchWork> batches, Exception cause)
    {
        var unavailable = new IngestUnavailableException("The database is not answering; nothing was stored. Retry later.", cause);
        foreach (var batch in batches)
        {
            batch.Completion.TrySetException(unavailable);
        }
    }

    private async Task DatabaseFailedAsync(Exception cause)
    {
        queue.State = IngestState.DatabaseUnavailable;
        await DropConnectionAsync();

        // Pooled connections to the old server process are dead too.
        dataSource.Clear();
        FailQueued(cause);
    }

    /// <summary>Probes once a second until the database answers; requests meanwhile get 503 at once.</summary>
    private async Task WaitForDatabaseAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            FailQueued(null);
            try
            {
                var open = await ConnectionAsync(stoppingToken);
                await using var probe = new NpgsqlCommand("SELECT 1", open);
                await probe.ExecuteScalarAsync(stoppingToken);
                queue.State = IngestState.Running;
                logger.LogInformation("The database answers again; the ingest pipeline resumes.");
                return;
            }
            catch (Exception exception) when (IsDatabaseFailure(exception))
            {
                await DropConnectionAsync();
            }
        }
    }

    private void FailQueued(Exception? cause)
    {
        var failed = new List<FixBatchWork>();
        while (queue.Reader.TryRead(out var work))
        {
            if (work is FixBatchWork batch)
            {
                queue.Dequeued(batch);
                failed.Add(batch);
            }
            else if (work is SupervisionChangedWork control)
            {
                controlsToRetry.Add(control);
            }
        }

        Fail(failed, cause ?? new InvalidOperationException("The database is not answering."));
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken stoppingToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }

        await DropConnectionAsync();

        // One connection of its own, kept open: its temporary table survives between batches.
        connection = await dataSource.OpenConnectionAsync(stoppingToken);
        await using var create = new NpgsqlCommand(IngestBatchWriter.CreateIncoming, connection);
        await create.ExecuteNonQueryAsync(stoppingToken);
        await ClaimAsync(connection, stoppingToken);
        if (partitions.Enabled)
        {
            // A new session holds no partition: what the rules remembered may since have been judged by another node.
            engine.Load([], time.GetUtcNow()).Commit();
            lastRebalance = DateTimeOffset.MinValue;
        }

        return connection;
    }

    /// <summary>
    /// Joins the partitioned nodes, or claims the subjects for this node alone. A conflicting node is waited for (a
    /// crashed node, or this node's own broken session, holds its claim until the database notices); one still there after
    /// <see cref="IngestOptions.ConflictingNodeWait"/> stops this node, since two judges of one subject would each raise
    /// and clear its alerts from a memory of their own.
    /// </summary>
    private async Task ClaimAsync(NpgsqlConnection open, CancellationToken stoppingToken)
    {
        var since = time.GetTimestamp();
        while (true)
        {
            try
            {
                await (partitions.Enabled ? leases.JoinAsync(open, stoppingToken) : leases.JudgeAloneAsync(open, stoppingToken));
                return;
            }
            catch (ConflictingNodeException exception) when (time.GetElapsedTime(since) < options.ConflictingNodeWait)
            {
                logger.LogWarning("{Conflict} Waiting up to {Wait} for it to go.", exception.Message, options.ConflictingNodeWait);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (ConflictingNodeException exception)
            {
                logger.LogCritical("{Conflict} This node stops.", exception.Message);
                throw;
            }
        }
    }

    private async Task DropConnectionAsync()
    {
        if (connection is not null)
        {
            // A pooled connection's session outlives its use, and with it the claim and the partitions it holds.
            await leases.LeaveAsync(connection);
            await connection.DisposeAsync();
            connection = null;
        }
    }

    /// <summary>The database cannot be reached or is shutting down, as opposed to a fault in what we sent.</summary>
    private static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException => true,
        _ => exception.InnerException is { } inner && IsDatabaseFailure(inner),
    };
}
