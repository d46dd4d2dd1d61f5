using System.Security.Claims;
using System.Security.Cryptography;
using CommandCenter.Data;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.SpotChecks;

/// <summary>
/// Sends spot checks, takes the phone's answers and the officer's verdicts. Each change is stored with its audit
/// row in one transaction, then the rules are told so that they judge the subject's checks again (an answer from
/// the wrong place raises at once, a missing one at the deadline).
/// </summary>
public class SpotCheckService(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IRuleEngine rules, TimeProvider time,
    IOptionsMonitor<SpotCheckOptions> options, FaceService faces)
{
    /// <summary>The system's name in the audit trail for a check the schedule drew.</summary>
    public const string Schedule = "spot-check-schedule";

    // Where the person should be: inside the destination of a leave in force (less its buffer), else at home.
    private const string DistanceSql = $$"""
        SELECT CASE WHEN p.area IS NOT NULL THEN 'LeaveDestination' WHEN s.home IS NOT NULL THEN 'Home' ELSE 'Unknown' END,
               CASE WHEN p.area IS NOT NULL THEN greatest(0, ST_Distance(p.area::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) - p.buffer_meters)
                    ELSE ST_Distance(s.home::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) END
        FROM subjects s
        LEFT JOIN LATERAL (SELECT area, buffer_meters FROM leave_permits
                           WHERE subject_id = s.id AND {{GrantedLeave.Sql}} AND starts_at <= @at AND ends_at > @at
                           ORDER BY starts_at DESC LIMIT 1) p ON true
        WHERE s.id = @subject
        """;

    /// <summary>Sends a check now to one person or to every person of a squad who has a phone enrolled; a squad leader only within their squad.</summary>
    public async Task<SupervisionOutcome> SendAsync(SpotCheckRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if ((request.SubjectId is null) == (request.SquadId is null))
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, "Give either subjectId (one person) or squadId (a squad), not both.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        var people = db.Subjects.Where(s => s.Status == SubjectStatus.InCorrection && (scope == null || s.SquadId == scope));
        people = request.SubjectId is { } subjectId ? people.Where(s => s.Id == subjectId) : people.Where(s => s.SquadId == request.SquadId);
        var found = await people.Select(s => new { s.Id, HasPhone = s.Devices.Any(d => d.Active && d.Kind != DeviceKind.Bracelet) }).ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, request.SubjectId is { } id ? $"There is no subject {id} under correction." : $"Squad {request.SquadId} has nobody under correction.");
        }

        var withPhone = found.Where(f => f.HasPhone).Select(f => f.Id).ToList();
        if (withPhone.Count == 0)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status409Conflict, "Nobody asked for has a phone enrolled to answer a spot check (a bracelet cannot).");
        }

        var sent = await StoreAsync(db, withPhone, SpotCheckOrigin.OnDemand, Actor(user), cancellationToken);
        return SupervisionOutcome.Done(sent.Select(c => SpotCheckView.Of(c, false)).ToList(), StatusCodes.Status201Created);
    }

    /// <summary>Sends the checks the schedule drew.</summary>
    public async Task SendDrawnAsync(IReadOnlyList<int> subjectIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await StoreAsync(db, subjectIds, SpotCheckOrigin.Random, null, cancellationToken);
    }

    /// <summary>Takes a subject's answer: the check must be theirs and open; the photo a JPEG within the size bound.</summary>
    public async Task<SupervisionOutcome> AnswerAsync(int subjectId, long checkId, SpotCheckAnswer answer, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (JpegPhoto.Problem(answer.Photo, current.MaxPhotoBytes) is { } problem)
        {
            return SupervisionOutcome.Refused(answer.Photo.Length > current.MaxPhotoBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, problem);
        }

        if (answer.Longitude is < -180 or > 180 || answer.Latitude is < -90 or > 90 || double.IsNaN(answer.Longitude) || double.IsNaN(answer.Latitude))
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, "longitude must be -180 to 180 and latitude -90 to 90 (WGS-84).");
        }

        if (answer.AccuracyMeters is < 0 or > 100_000)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, "accuracy must be 0 to 100000 metres.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Another subject's check is as unknown as a check that does not exist.
        var check = await db.SpotChecks.FromSql($"SELECT * FROM spot_checks WHERE id = {checkId} FOR UPDATE")
            .SingleOrDefaultAsync(c => c.SubjectId == subjectId, cancellationToken);
        if (check is null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no spot check {checkId} for this device's person.");
        }

        if (check.AnsweredAt is not null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status409Conflict, $"Spot check {checkId} was already answered at {check.AnsweredAt:O}.");
        }

        var now = time.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        (check.ComparedWith, check.DistanceMeters) = await ExpectedPlaceAsync(connection, subjectId, answer, now, cancellationToken);
        check.AnsweredAt = now;
        check.Longitude = answer.Longitude;
        check.Latitude = answer.Latitude;
        check.AccuracyMeters = answer.AccuracyMeters;
        var hash = Convert.ToHexStringLower(SHA256.HashData(answer.Photo));
        db.SpotCheckPhotos.Add(new SpotCheckPhoto { SpotCheckId = checkId, Content = answer.Photo, Sha256 = hash, StoredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(connection, new AuditRecord($"subject:{subjectId}", AuditActions.RecordChanged, $"spot-check:{checkId}",
            $"answered, {check.DistanceMeters:0} m from {check.ComparedWith}, photo sha256 {hash}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await rules.SupervisionChangedAsync(subjectId, cancellationToken);
        await faces.PrefillAsync(checkId, cancellationToken);
        return SupervisionOutcome.Done(SpotCheckView.Of(check, true));
    }

    /// <summary>Records the officer's verdict on an answered check's photo.</summary>
    public async Task<SupervisionOutcome> JudgeAsync(long checkId, VerdictRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Confirmed is not { } confirmed)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status400BadRequest, "Give confirmed: true (the registered person) or false (not).");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var check = await VisibleAsync(db, checkId, user, cancellationToken);
        if (check is null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no spot check {checkId}.");
        }

        if (check.AnsweredAt is null)
        {
            return SupervisionOutcome.Refused(StatusCodes.Status409Conflict, $"Spot check {checkId} has no answer to judge.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        check.Confirmed = confirmed;
        check.JudgedBy = Actor(user);
        check.JudgedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(Actor(user), AuditActions.RecordChanged,
            $"spot-check:{checkId}", confirmed ? "photo confirmed as the registered person" : "photo NOT confirmed as the registered person"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupervisionOutcome.Done(SpotCheckView.Of(check, true));
    }

    /// <summary>A person's checks, newest first; null when the subject is not visible to the caller.</summary>
    public async Task<List<SpotCheckView>?> ListAsync(int subjectId, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId && (scope == null || s.SquadId == scope), cancellationToken))
        {
            return null;
        }

        return await ListAsync(db, subjectId, limit, cancellationToken);
    }

    /// <summary>The checks a subject still has to answer (for their phone).</summary>
    public async Task<List<SpotCheckView>> OpenForAsync(int subjectId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = await db.SpotChecks.AsNoTracking().Where(c => c.SubjectId == subjectId && c.AnsweredAt == null && c.Deadline > now)
            .OrderBy(c => c.Deadline).ToListAsync(cancellationToken);
        return [.. open.Select(c => SpotCheckView.Of(c, false))];
    }

    /// <summary>An answer's photo, if the caller may see the check.</summary>
    public async Task<byte[]?> PhotoAsync(long checkId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await VisibleAsync(db, checkId, user, cancellationToken) is null
            ? null
            : await db.SpotCheckPhotos.Where(p => p.SpotCheckId == checkId).Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
    }

    internal static async Task<List<SpotCheckView>> ListAsync(CommandCenterDb db, int subjectId, int limit, CancellationToken cancellationToken)
    {
        var checks = await db.SpotChecks.AsNoTracking().Where(c => c.SubjectId == subjectId).OrderByDescending(c => c.SentAt)
            .Take(Math.Clamp(limit, 1, 500))
            .Select(c => new { Check = c, HasPhoto = db.SpotCheckPhotos.Any(p => p.SpotCheckId == c.Id) })
            .ToListAsync(cancellationToken);
        return [.. checks.Select(c => SpotCheckView.Of(c.Check, c.HasPhoto))];
    }

    private static async Task<SpotCheck?> VisibleAsync(CommandCenterDb db, long checkId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        var check = await db.SpotChecks.SingleOrDefaultAsync(c => c.Id == checkId, cancellationToken);
        return check is not null && (scope == null || await db.Subjects.AnyAsync(s => s.Id == check.SubjectId && s.SquadId == scope, cancellationToken))
            ? check
            : null;
    }

    private async Task<List<SpotCheck>> StoreAsync(CommandCenterDb db, IReadOnlyList<int> subjectIds, SpotCheckOrigin origin, string? by, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var now = time.GetUtcNow();
        var checks = subjectIds.Select(id => new SpotCheck
        {
            SubjectId = id,
            Origin = origin,
            RequestedBy = by,
            SentAt = now,
            Deadline = now + current.Deadline,
            AllowedMeters = current.AllowedMeters,
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SpotChecks.AddRange(checks);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var check in checks)
        {
            await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(by ?? Schedule, AuditActions.RecordChanged,
                $"subject:{check.SubjectId}", $"spot check {check.Id} sent ({origin}), due by {check.Deadline:O}"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var check in checks)
        {
            await rules.SupervisionChangedAsync(check.SubjectId, cancellationToken);
        }

        return checks;
    }

    private static async Task<(ExpectedPlace, double?)> ExpectedPlaceAsync(NpgsqlConnection connection, int subjectId, SpotCheckAnswer answer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(DistanceSql, connection);
        command.Parameters.AddWithValue("lon", answer.Longitude);
        command.Parameters.AddWithValue("lat", answer.Latitude);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("subject", subjectId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Enum.Parse<ExpectedPlace>(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetDouble(1));
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
