using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.RollCalls;

/// <summary>
/// Calls people to a camera and records the officer's marks. Each change is stored with its audit row in one
/// transaction; an absence then makes the rules look at the person again, which raises RollCallMissed.
/// </summary>
public class RollCallService(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IRuleEngine rules, TimeProvider time,
    IOptionsMonitor<RollCallOptions> options, RollCallQueries queries)
{
    /// <summary>The longest note a mark may carry.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The longest time a roll call may allow, in minutes.</summary>
    public const int MaxMinutes = 240;

    /// <summary>Calls the people to the camera; a squad leader only their own squad's people. Nothing is stored unless all of it is valid.</summary>
    public async Task<SupervisionOutcome> CallAsync(RollCallRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var ids = request.SubjectIds?.Distinct().ToList() ?? [];
        if (request.CameraId is not { } cameraId)
        {
            return Refused(StatusCodes.Status400BadRequest, "Give cameraId, the camera the people are called to.");
        }

        if (ids.Count == 0 || ids.Count > current.MaxAttendees)
        {
            return Refused(StatusCodes.Status400BadRequest, $"Give subjectIds: 1 to {current.MaxAttendees} people to call.");
        }

        if (request.Minutes is < 1 or > MaxMinutes)
        {
            return Refused(StatusCodes.Status400BadRequest, $"minutes must be 1 to {MaxMinutes}.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var camera = await db.Cameras.AsNoTracking().Where(c => c.Id == cameraId && c.RetiredAt == null).Select(c => new { c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (camera is null)
        {
            return Refused(StatusCodes.Status400BadRequest, $"cameraId {cameraId} is no camera in service.");
        }

        // Another squad's person is as unknown to a squad leader as a person who does not exist.
        var scope = SquadScope.Of(user);
        var found = await db.Subjects.Where(s => ids.Contains(s.Id) && s.Status == SubjectStatus.InCorrection && (scope == null || s.SquadId == scope))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Except(found).ToList() is { Count: > 0 } unknown)
        {
            return Refused(StatusCodes.Status404NotFound, $"There is no subject {string.Join(", ", unknown)} under correction that you may call.");
        }

        var now = time.GetUtcNow();
        var actor = Actor(user);
        var call = new RollCall
        {
            CameraId = cameraId,
            CalledBy = actor,
            CalledAt = now,
            Deadline = now + (request.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : current.Deadline),
            Attendees = [.. ids.Select(id => new RollCallAttendee { SubjectId = id })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RollCalls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged, $"roll-call:{call.Id}",
            $"called subjects {string.Join(", ", ids)} to camera {cameraId} ({camera.Name}), due by {call.Deadline:O}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupervisionOutcome.Done((await queries.FindAsync(call.Id, user, cancellationToken))!, StatusCodes.Status201Created);
    }

    /// <summary>Marks one person of a roll call; a squad leader only their own squad's people, and each person once.</summary>
    public async Task<SupervisionOutcome> MarkAsync(long rollCallId, int subjectId, MarkRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Mark is not { } mark || !Enum.IsDefined(mark))
        {
            return Refused(StatusCodes.Status400BadRequest, "Give mark: Present, Absent or Excused.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return Refused(StatusCodes.Status400BadRequest, $"note may be at most {MaxNoteLength} characters.");
        }

        if (mark is RollCallMark.Excused && note is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "An excused person needs a note saying why.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        var attendee = await db.RollCallAttendees.FromSql($"SELECT * FROM roll_call_attendees WHERE roll_call_id = {rollCallId} AND subject_id = {subjectId} FOR UPDATE")
            .Where(a => scope == null || db.Subjects.Any(s => s.Id == a.SubjectId && s.SquadId == scope))
            .SingleOrDefaultAsync(cancellationToken);
        if (attendee is null)
        {
            return Refused(StatusCodes.Status404NotFound, $"Subject {subjectId} was not called to roll call {rollCallId}.");
        }

        if (attendee.Mark is not null)
        {
            return Refused(StatusCodes.Status409Conflict, $"Subject {subjectId} was already marked {attendee.Mark} at roll call {rollCallId} by {attendee.MarkedBy}.");
        }

        var actor = Actor(user);
        attendee.Mark = mark;
        attendee.Note = note;
        attendee.MarkedBy = actor;
        attendee.MarkedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged, $"subject:{subjectId}",
            $"roll call {rollCallId}: marked {mark}" + (note is null ? "" : $" ({note})")), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (mark is RollCallMark.Absent)
        {
            await rules.SupervisionChangedAsync(subjectId, cancellationToken);
        }

        return SupervisionOutcome.Done((await queries.FindAsync(rollCallId, user, cancellationToken))!);
    }

    private static SupervisionOutcome Refused(int status, string reason) => SupervisionOutcome.Refused(status, reason);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
