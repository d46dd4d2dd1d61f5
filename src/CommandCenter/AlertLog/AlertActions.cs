using CommandCenter.Kit;
using System.Security.Claims;
using System.Security.Cryptography;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live.Log;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.AlertLog;

/// <summary>
/// Takes a person's step on an alert: checks that they may (a squad leader only on their squad's alerts,
/// and dispatching only their own squad) and that the step follows the lifecycle, then changes the alert,
/// adds the step to its history and to the audit trail in one transaction, and publishes the change. A photo
/// sent with the step is stored in the same transaction, attached to the step's event: a refused step keeps none.
/// </summary>
public class AlertActions(NpgsqlDataSource dataSource, AuditTrail audit, AlertQueries queries, LiveLog liveLog, TimeProvider time, IOptionsMonitor<AlertPhotoOptions> photos)
{
    public const int MaxNoteLength = 1000;

    /// <summary>The steps taken at the scene, the ones a photo may come with.</summary>
    public static readonly AlertAction[] PhotoSteps = [AlertAction.ReportOnScene, AlertAction.Resolve];

    private const string Lock = "SELECT state, squad_id, dispatched_squad_id FROM alerts WHERE id = @id FOR UPDATE";

    private const string Update = """
        UPDATE alerts SET state = @state,
            dispatched_squad_id = COALESCE(@dispatched, dispatched_squad_id),
            disposition = COALESCE(@disposition, disposition),
            closed_at = CASE WHEN @closing THEN @now ELSE closed_at END
        WHERE id = @id
        """;

    private const string AddEvent = "INSERT INTO alert_events (alert_id, kind, at, actor, note, squad_id) VALUES (@id, @kind, @now, @actor, @note, @squad) RETURNING id";

    private const string AddPhoto = """
        INSERT INTO alert_photos (alert_id, alert_event_id, content, sha256, taken_by, stored_at)
        VALUES (@id, @event, @content, @sha256, @actor, @now)
        """;

    public async Task<AlertStepOutcome> TakeAsync(long alertId, AlertStep step, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (step.Note?.Length > MaxNoteLength)
        {
            return AlertStepOutcome.Refused(StatusCodes.Status400BadRequest, $"The note is longer than {MaxNoteLength} characters.");
        }

        if (step.Photo is { } photo && PhotoProblem(step.Action, photo) is { } photoRefusal)
        {
            return photoRefusal;
        }

        var scope = SquadScope.Of(user);
        var actor = user.Identity?.Name ?? "unknown";
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        AlertState state;
        int squadId;
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
            squadId = reader.GetInt32(1);
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

        long eventId;
        await using (var addEvent = new NpgsqlCommand(AddEvent, connection))
        {
            addEvent.Parameters.AddWithValue("id", alertId);
            addEvent.Parameters.AddWithValue("kind", EventKind(next).ToString());
            addEvent.Parameters.AddWithValue("now", now);
            addEvent.Parameters.AddWithValue("actor", actor);
            addEvent.Parameters.AddWithValue("note", (object?)step.Note ?? DBNull.Value);
            addEvent.Parameters.AddWithValue("squad", step.Action == AlertAction.Dispatch ? step.SquadId! : DBNull.Value);
            eventId = (long)(await addEvent.ExecuteScalarAsync(cancellationToken))!;
        }

        var photoHash = step.Photo is { } content ? await AddPhotoAsync(connection, alertId, eventId, content, actor, now, cancellationToken) : null;

        var detail = step switch
        {
            { Action: AlertAction.Dispatch } => $"dispatch squad {step.SquadId}",
            { Action: AlertAction.Resolve } => $"resolve as {step.Disposition}",
            _ => step.Action.ToString().ToLowerInvariant(),
        };
        if (photoHash is not null)
        {
            detail += $" with photo sha256:{photoHash}";
        }

        await audit.AppendAsync(connection, new AuditRecord(actor, AuditActions.AlertAction, $"alert:{alertId}",
            step.Note is null ? detail : $"{detail}: {step.Note}", remoteAddress), cancellationToken);
        var sequence = await liveLog.AppendAsync(connection, LiveLogRecord.AlertChanged(alertId, squadId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Every node's screens hear of it from the live log; the caller is answered with the same number.
        var changed = (await queries.FindAsync([alertId], cancellationToken)).Single() with { Sequence = sequence };
        return AlertStepOutcome.Done(changed);
    }

    private AlertStepOutcome? PhotoProblem(AlertAction action, byte[] photo)
    {
        if (!PhotoSteps.Contains(action))
        {
            return AlertStepOutcome.Refused(StatusCodes.Status400BadRequest, "A photo can be sent only with on scene or resolve.");
        }

        var maxBytes = photos.CurrentValue.MaxBytes;
        return JpegPhoto.Problem(photo, maxBytes) is { } problem
            ? AlertStepOutcome.Refused(photo.Length > maxBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, problem)
            : null;
    }

    /// <summary>Stores the photo beside the step's event and answers its SHA-256, which the audit entry records.</summary>
    private static async Task<string> AddPhotoAsync(NpgsqlConnection connection, long alertId, long eventId, byte[] content, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var add = new NpgsqlCommand(AddPhoto, connection);
        add.Parameters.AddWithValue("id", alertId);
        add.Parameters.AddWithValue("event", eventId);
        add.Parameters.AddWithValue("content", content);
        add.Parameters.AddWithValue("sha256", hash);
        add.Parameters.AddWithValue("actor", actor);
        add.Parameters.AddWithValue("now", now);
        await add.ExecuteNonQueryAsync(cancellationToken);
        return hash;
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
