using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Data.Configurations;
using CommandCenter.Live.Log;
using CommandCenter.Security.Audit;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.AlertLog;

/// <summary>
/// Escalates alerts that nobody acknowledged in time (per severity): marks them, adds the step to their
/// history, to the audit trail and to the live log in one transaction; the log's alertChanged makes them stand
/// out on every wall. Every node may check: an alert is escalated by the one whose update reaches it first.
/// </summary>
public class AlertEscalation(
    NpgsqlDataSource dataSource,
    AuditTrail audit,
    LiveLog liveLog,
    TimeProvider time,
    IOptionsMonitor<AlertOptions> options,
    ILogger<AlertEscalation> logger) : BackgroundService
{
    private const string Escalate = """
        UPDATE alerts SET escalated_at = @now
        WHERE state = 'Raised' AND escalated_at IS NULL
          AND raised_at <= @now - CASE severity WHEN 'Critical' THEN @critical WHEN 'Major' THEN @major WHEN 'Minor' THEN @minor ELSE @warning END
        RETURNING id, severity, squad_id
        """;

    private const string AddEvents = """
        INSERT INTO alert_events (alert_id, kind, at, actor, note_key, note_args)
        SELECT u.id, 'Escalated', @now, 'system', @note_key, u.note_args FROM unnest(@ids, @note_args) AS u(id, note_args)
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.EscalationCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EscalateAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Escalating unacknowledged alerts failed; trying again at the next check.");
            }
        }
    }

    /// <summary>Escalates what is due now; returns the ids escalated.</summary>
    public async Task<List<long>> EscalateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // Read at each check, so that waits a site changes apply from the next one.
        var policy = options.CurrentValue.ToEscalationPolicy();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var escalated = new List<(long Id, AlertSeverity Severity, int SquadId)>();
        await using (var update = new NpgsqlCommand(Escalate, connection))
        {
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("critical", policy.WaitFor(AlertSeverity.Critical));
            update.Parameters.AddWithValue("major", policy.WaitFor(AlertSeverity.Major));
            update.Parameters.AddWithValue("minor", policy.WaitFor(AlertSeverity.Minor));
            update.Parameters.AddWithValue("warning", policy.WaitFor(AlertSeverity.Warning));
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                escalated.Add((reader.GetInt64(0), Enum.Parse<AlertSeverity>(reader.GetString(1)), reader.GetInt32(2)));
            }
        }

        if (escalated.Count == 0)
        {
            return [];
        }

        await using (var events = new NpgsqlCommand(AddEvents, connection))
        {
            events.Parameters.AddWithValue("now", now);
            events.Parameters.AddWithValue("ids", escalated.Select(e => e.Id).ToArray());
            events.Parameters.AddWithValue("note_key", AlertDetail.EscalatedKey);
            events.Parameters.Add(new NpgsqlParameter("note_args", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                Value = escalated.Select(e => JsonStrings.Serialize(AlertDetail.Escalated(policy.WaitFor(e.Severity)).Args)).ToArray(),
            });
            await events.ExecuteNonQueryAsync(cancellationToken);
        }

        await audit.AppendAsync(connection, new AuditRecord("system", AuditActions.AlertAction, "alerts",
            $"escalated {escalated.Count} unacknowledged [{string.Join(",", escalated.Take(50).Select(e => e.Id))}]"), cancellationToken);
        await liveLog.AppendAsync(connection, [.. escalated.Select(e => LiveLogRecord.AlertChanged(e.Id, e.SquadId))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. escalated.Select(e => e.Id)];
    }
}
