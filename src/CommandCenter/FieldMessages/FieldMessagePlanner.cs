using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Data;
using CommandCenter.FieldMessages.Channels;
using CommandCenter.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.FieldMessages;

/// <summary>
/// Listens to the alert record rather than being called by it: it reads the steps the field must hear of
/// (dispatches, escalations) from alert_events, which the alert's own transaction wrote, and writes one outbox
/// row per channel and phone. The alert pipeline never waits for it. Every row has a unique key, so a step read
/// twice (two nodes, a restart, the overlap kept for late commits) is stored once.
/// </summary>
public class FieldMessagePlanner(
    NpgsqlDataSource dataSource,
    FieldMessageTexts texts,
    SiteClock clock,
    TimeProvider time,
    IOptionsMonitor<FieldMessageOptions> options,
    FieldChannelDirectory directory,
    ILogger<FieldMessagePlanner> logger) : BackgroundService
{
    /// <summary>
    /// Sequence numbers are handed out before commit, so a step can appear below one already read; the floor
    /// trails the newest step by this much, and the unique keys make the overlap harmless.
    /// </summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    private const string StartFloor = "SELECT coalesce(max(id), 0) FROM alert_events WHERE at < @since";

    private const string MoveFloor = "SELECT coalesce(max(id), @floor) FROM alert_events WHERE id > @floor AND at < @settled";

    private const string StepsToTell = """
        SELECT e.id, e.kind, a.id, a.rule, a.severity, a.raised_at, s.code, s.name, q.id, q.code, q.name, q.duty_phone
        FROM alert_events e
        JOIN alerts a ON a.id = e.alert_id
        JOIN subjects s ON s.id = a.subject_id
        JOIN squads q ON q.id = CASE WHEN e.kind = 'Dispatched' THEN coalesce(e.squad_id, a.dispatched_squad_id, a.squad_id) ELSE a.squad_id END
        WHERE e.id > @floor AND e.kind IN ('Dispatched', 'Escalated') AND e.at >= @since
          AND NOT EXISTS (SELECT 1 FROM field_messages m WHERE m.alert_event_id = e.id)
        ORDER BY e.id
        LIMIT 500
        """;

    private const string Insert = """
        INSERT INTO field_messages (channel, channel_kind, trigger, alert_id, alert_event_id, recipient, text, dedupe_key, state, attempts, created_at, next_attempt_at)
        VALUES (@channel, @kind, @trigger, @alert, @event, @recipient, @text, @key, 'Pending', 0, @now, @now)
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    private long? floor;
    private DateOnly? summarized;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PlanAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Planning messages to the field failed; trying again at the next check.");
            }
        }
    }

    /// <summary>Writes the messages due now: for new alert steps, and the daily summary once its time has come.</summary>
    public async Task PlanAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var channels = directory.Current;
        if (channels.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        floor ??= await ScalarAsync(connection, StartFloor, cancellationToken, ("since", now - settings.Lookback));
        var steps = await StepsAsync(connection, floor.Value, now - settings.Lookback, cancellationToken);

        // A step's messages are stored together, so none is left half told by a crash.
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var step in steps)
            {
                var text = texts.ForAlertStep(step);
                foreach (var address in FieldMessageRoutes.For(step, channels))
                {
                    await InsertAsync(connection, address, step.Trigger, step.AlertId, step.EventId, text,
                        $"event:{step.EventId}:{address.Channel.Name}:{address.Recipient}", now, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        floor = await ScalarAsync(connection, MoveFloor, cancellationToken, ("floor", floor.Value), ("settled", now - SettleTime));
        await PlanDailySummaryAsync(connection, settings, channels, now, cancellationToken);
    }

    private async Task PlanDailySummaryAsync(NpgsqlConnection connection, FieldMessageOptions settings, IReadOnlyList<FieldChannelOptions> channels, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var today = clock.Today(now);
        if (settings.SummaryTime is not { } at || summarized == today)
        {
            return;
        }

        var due = clock.StartOfDay(today) + at.ToTimeSpan();
        if (now < due)
        {
            return;
        }

        var text = texts.ForDay(await FiguresAsync(connection, today, due - TimeSpan.FromDays(1), due, cancellationToken));
        foreach (var address in FieldMessageRoutes.ForDailySummary(channels))
        {
            await InsertAsync(connection, address, FieldMessageTrigger.DailySummary, null, null, text,
                $"summary:{today:yyyy-MM-dd}:{address.Channel.Name}:{address.Recipient}", now, cancellationToken);
        }

        summarized = today;
    }

    private static async Task<DailyFigures> FiguresAsync(NpgsqlConnection connection, DateOnly day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT
              (SELECT count(*) FROM alerts WHERE raised_at >= @from AND raised_at < @to),
              (SELECT count(*) FROM alerts WHERE raised_at >= @from AND raised_at < @to AND severity = 'Critical'),
              (SELECT count(*) FROM alert_events WHERE kind = 'Escalated' AND at >= @from AND at < @to),
              (SELECT count(*) FROM alert_events WHERE kind = 'Dispatched' AND at >= @from AND at < @to),
              (SELECT count(*) FROM alerts WHERE {OpenAlerts.Sql}),
              (SELECT count(*) FROM alerts WHERE state = 'Raised')
            """, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DailyFigures(day, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5));
    }

    private static async Task<List<AlertStepToTell>> StepsAsync(NpgsqlConnection connection, long floor, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StepsToTell, connection);
        command.Parameters.AddWithValue("floor", floor);
        command.Parameters.AddWithValue("since", since);
        var steps = new List<AlertStepToTell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var severity = Enum.Parse<AlertSeverity>(reader.GetString(4));
            var trigger = Enum.Parse<AlertEventKind>(reader.GetString(1)) switch
            {
                AlertEventKind.Dispatched => FieldMessageTrigger.Dispatched,
                _ when severity == AlertSeverity.Critical => FieldMessageTrigger.CriticalUnacknowledged,
                _ => FieldMessageTrigger.Escalated,
            };
            steps.Add(new AlertStepToTell(reader.GetInt64(0), trigger, reader.GetInt64(2), Enum.Parse<AlertRule>(reader.GetString(3)), severity,
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11)));
        }

        return steps;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, FieldMessageAddress address, FieldMessageTrigger trigger, long? alertId, long? eventId,
        string text, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Insert, connection);
        command.Parameters.AddWithValue("channel", address.Channel.Name);
        command.Parameters.AddWithValue("kind", address.Channel.Kind.ToString());
        command.Parameters.AddWithValue("trigger", trigger.ToString());
        command.Parameters.AddWithValue("alert", (object?)alertId ?? DBNull.Value);
        command.Parameters.AddWithValue("event", (object?)eventId ?? DBNull.Value);
        command.Parameters.AddWithValue("recipient", (object?)address.Recipient ?? DBNull.Value);
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
