using System.Security.Claims;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Npgsql;

namespace CommandCenter.AlertLog;

/// <summary>
/// Takes a person's step on an alert: checks that they may (a squad leader only on their squad's alerts,
/// and dispatching only their own squad) and that the step follows the lifecycle, then changes the alert,
/// adds the step to its history and to the audit trail in one transaction, and publishes the change.
/// </summary>
public class AlertActions(NpgsqlDataSource dataSource, AuditTrail audit, AlertQueries queries, LiveFeed feed, TimeProvider time)
{
    public const int MaxNoteLength = 1000;

    private const string Lock = "SELECT state, squad_id, dispatched_squad_id FROM alerts WHERE id = @id FOR UPDATE";

    private const string Update = """
        UPDATE alerts SET state = @state,
            dispatched_squad_id = COALESCE(@dispatched, dispatched_squad_id),
            disposition = COALESCE(@disposition, disposition),
            closed_at = CASE WHEN @closing THEN @now ELSE closed_at END
        WHERE id = @id
        """;

    private const string AddEvent = "INSERT INTO alert_events (alert_id, kind, at, actor, note, squad_id) VALUES (@id, @kind, @now, @actor, @note, @squad)";

    public async Task<AlertStepOutcome> TakeAsync(long alertId, AlertStep step, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (step.Note?.Length > MaxNoteLength)
        {
            return AlertStepOutcome.Refused(StatusCodes.Status400BadRequest, $"The note is longer than {MaxNoteLength} characters.");
        }

        var scope = SquadScope.Of(user);
        var actor = user.Identity?.Name ?? "unknown";
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        AlertState state;
        await using (var read = new NpgsqlCommand(Lock, connection))
        {
            read.Parameters.AddWithValue("id", alertId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)
                || (scope is { } own && reader.GetInt32(1) != own && (reader.IsDBNull(2) || reader.GetInt32(2) != own)))
            {
                // An alert of another squad is, for a squad leader, no alert at all.
                return AlertStepOutcome.Refused(StatusCodes.Status404NotFound, $"There is no alert {alertId}.");
            }

            state = Enum.Parse<AlertState>(reader.GetString(0));
        }

        if (step.Action == AlertAction.Dispatch && await CheckDispatchAsync(connection, step.SquadId, scope, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!AlertTransitions.TryApply(state, step.Action, out var next, out var why))
        {
            return AlertStepOutcome.Refused(StatusCodes.Status409Conflict, why);
        }

        await using (var update = new NpgsqlCommand(Update, connection))
        {
            update.Parameters.AddWithValue("id", alertId);
            update.Parameters.AddWithValue("state", next.ToString());
            update.Parameters.AddWithValue("dispatched", step.Action == AlertAction.Dispatch ? step.SquadId! : DBNull.Value);
            update.Parameters.AddWithValue("disposition", step.Disposition?.ToString() ?? (object)DBNull.Value);
            update.Parameters.AddWithValue("closing", !AlertStates.IsOpen(next));
            update.Parameters.AddWithValue("now", now);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var addEvent = new NpgsqlCommand(AddEvent, connection))
        {
            addEvent.Parameters.AddWithValue("id", alertId);
            addEvent.Parameters.AddWithValue("kind", EventKind(next).ToString());
            addEvent.Parameters.AddWithValue("now", now);
            addEvent.Parameters.AddWithValue("actor", actor);
            addEvent.Parameters.AddWithValue("note", (object?)step.Note ?? DBNull.Value);
            addEvent.Parameters.AddWithValue("squad", step.Action == AlertAction.Dispatch ? step.SquadId! : DBNull.Value);
            await addEvent.ExecuteNonQueryAsync(cancellationToken);
        }

        var detail = step switch
        {
            { Action: AlertAction.Dispatch } => $"dispatch squad {step.SquadId}",
            { Action: AlertAction.Resolve } => $"resolve as {step.Disposition}",
            _ => step.Action.ToString().ToLowerInvariant(),
        };
        await audit.AppendAsync(connection, new AuditRecord(actor, AuditActions.AlertAction, $"alert:{alertId}",
            step.Note is null ? detail : $"{detail}: {step.Note}", remoteAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var changed = (await queries.FindAsync([alertId], cancellationToken)).Single() with { Sequence = feed.NextSequence() };
        await feed.AlertChangedAsync(changed);
        return AlertStepOutcome.Done(changed);
    }

    private static async Task<AlertStepOutcome?> CheckDispatchAsync(NpgsqlConnection connection, int? squadId, int? scope, CancellationToken cancellationToken)
    {
        if (squadId is null)
        {
            return AlertStepOutcome.Refused(StatusCodes.Status400BadRequest, "Name the squad to send: squadId.");
        }

        if (scope is { } own && own != squadId)
        {
            return AlertStepOutcome.Refused(StatusCodes.Status403Forbidden, "A squad leader can send only their own squad.");
        }

        await using var exists = new NpgsqlCommand("SELECT count(*) FROM squads WHERE id = @id AND retired_at IS NULL", connection);
        exists.Parameters.AddWithValue("id", squadId.Value);
        return (long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0
            ? AlertStepOutcome.Refused(StatusCodes.Status400BadRequest, $"There is no squad {squadId} in service.")
            : null;
    }

    private static AlertEventKind EventKind(AlertState state) => state switch
    {
        AlertState.Acknowledged => AlertEventKind.Acknowledged,
        AlertState.Dispatched => AlertEventKind.Dispatched,
        AlertState.OnScene => AlertEventKind.OnScene,
        AlertState.Resolved => AlertEventKind.Resolved,
        _ => AlertEventKind.Dismissed,
    };
}
