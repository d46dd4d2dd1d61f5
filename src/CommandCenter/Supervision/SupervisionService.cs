using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Supervision;

/// <summary>
/// Check-ins and check-in schedules: each change is stored with its audit row in one transaction, then the
/// ingest pipeline is told so that the rules read the subject again (a check-in ends a missed-check-in
/// alert). Leave permits have their own workflow (<see cref="LeaveService"/>).
/// </summary>
public class SupervisionService(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IRuleEngine rules, TimeProvider time, IOptionsMonitor<CheckInOptions> defaults)
{
    public const int MaxTextLength = 500;

    public async Task<SupervisionOutcome> SetScheduleAsync(int subjectId, CheckInScheduleRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.FirstDue is null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, "Give firstDue (yyyy-MM-dd).");
        }

        if (request.IntervalDays is < 1 or > 366)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"intervalDays must be 1 to 366, not {request.IntervalDays}.");
        }

        // The site's defaults as they are now: a commander may have changed them since the app started.
        var current = defaults.CurrentValue;
        var intervalDays = request.IntervalDays ?? current.IntervalDays;
        return await ChangeAsync(subjectId, user, $"check-in schedule: every {intervalDays} days from {request.FirstDue:yyyy-MM-dd}", async db =>
        {
            var schedule = await db.CheckInSchedules.FindAsync([subjectId], cancellationToken);
            if (schedule is null)
            {
                schedule = new CheckInSchedule { SubjectId = subjectId, UpdatedBy = Actor(user) };
                db.CheckInSchedules.Add(schedule);
            }

            schedule.FirstDue = request.FirstDue.Value;
            schedule.IntervalDays = intervalDays;
            schedule.DueBy = request.DueBy ?? current.DueBy;
            schedule.UpdatedAt = time.GetUtcNow();
            schedule.UpdatedBy = Actor(user);
            return schedule;
        }, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<SupervisionOutcome> RecordCheckInAsync(int subjectId, CheckInRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = request.At ?? now;
        if (request.Method is null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"Give the method: one of {string.Join(", ", Enum.GetNames<CheckInMethod>())}.");
        }

        if (at > now + rules.MaxClockSkew)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"The check-in time {at:O} is in the future.");
        }

        if (request.Note?.Length > MaxTextLength)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, $"The note is longer than {MaxTextLength} characters.");
        }

        return await ChangeAsync(subjectId, user, $"check-in by {request.Method} at {at:O}", db =>
        {
            var checkIn = new CheckIn { SubjectId = subjectId, At = at, Method = request.Method.Value, RecordedBy = Actor(user), Note = request.Note };
            db.CheckIns.Add(checkIn);
            return Task.FromResult<object>(checkIn);
        }, StatusCodes.Status201Created, cancellationToken);
    }

    /// <summary>Whether the subject exists and lies in the person's squad scope.</summary>
    public async Task<bool> IsVisibleAsync(CommandCenterDb db, int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var squad = SquadScope.Of(user);
        return await db.Subjects.AnyAsync(s => s.Id == subjectId && (squad == null || s.SquadId == squad), cancellationToken);
    }

    private async Task<SupervisionOutcome> ChangeAsync(int subjectId, ClaimsPrincipal user, string what, Func<CommandCenterDb, Task<object>> change, int status,
        CancellationToken cancellationToken, Func<object, object>? view = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await IsVisibleAsync(db, subjectId, user, cancellationToken))
        {
            return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no subject {subjectId}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await change(db);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(Actor(user), AuditActions.RecordChanged, $"subject:{subjectId}", what), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await rules.SupervisionChangedAsync(subjectId, cancellationToken);
        return SupervisionOutcome.Done(stored, status);
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
