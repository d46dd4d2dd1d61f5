using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Subjects.CoDefendants;

/// <summary>
/// Reads and changes the co-defendant links that 同案犯聚集 watches. Both subjects must lie in the person's squad
/// scope: a squad leader links and unlinks only their own squad's people. Each change is stored with an audit row
/// for each of the two subjects in one transaction.
/// </summary>
public sealed class CoDefendantStore(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time)
{
    /// <summary>Enough to pick from while typing a case number.</summary>
    public const int MaxCandidates = 20;

    /// <summary>The subject's co-defendants, or null when the subject is not there or not the person's to see.</summary>
    public async Task<IReadOnlyList<CoDefendantView>?> ListAsync(int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squad = SquadScope.Of(user);
        return await VisibleAsync(db, subjectId, squad, cancellationToken) ? await LinkedAsync(db, subjectId, squad, cancellationToken) : null;
    }

    /// <summary>The subjects in the person's scope whose case number contains <paramref name="text"/>, other than the subject itself.</summary>
    public async Task<IReadOnlyList<CoDefendantCandidate>> CandidatesAsync(int subjectId, string? text, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squad = SquadScope.Of(user);
        var part = text?.Trim() ?? string.Empty;
        return await db.Subjects.AsNoTracking()
            .Where(s => s.Id != subjectId && (squad == null || s.SquadId == squad) && (part == string.Empty || s.Code.Contains(part)))
            .OrderBy(s => s.Code)
            .Take(MaxCandidates)
            .Select(s => new CoDefendantCandidate(s.Id, s.Code))
            .ToListAsync(cancellationToken);
    }

    public async Task<CoDefendantOutcome> LinkAsync(int subjectId, CoDefendantRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.OtherSubjectId is not { } otherId)
        {
            return CoDefendantOutcome.Refused(StatusCodes.Status400BadRequest, "Give otherSubjectId, the co-defendant's subject id.");
        }

        if (otherId == subjectId)
        {
            return CoDefendantOutcome.Refused(StatusCodes.Status400BadRequest, "A subject cannot be their own co-defendant.");
        }

        var (low, high) = Ordered(subjectId, otherId);
        return await ChangeAsync(subjectId, otherId, user, "co-defendant linked", async db =>
        {
            if (await db.CoDefendantLinks.AnyAsync(l => l.SubjectId == low && l.OtherSubjectId == high, cancellationToken))
            {
                return $"Subjects {subjectId} and {otherId} are already linked as co-defendants.";
            }

            db.CoDefendantLinks.Add(new CoDefendantLink { SubjectId = low, OtherSubjectId = high, LinkedBy = Actor(user), LinkedAt = time.GetUtcNow() });
            return null;
        }, StatusCodes.Status201Created, cancellationToken);
    }

    public async Task<CoDefendantOutcome> UnlinkAsync(int subjectId, int otherId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (low, high) = Ordered(subjectId, otherId);
        return await ChangeAsync(subjectId, otherId, user, "co-defendant unlinked", async db =>
        {
            var link = await db.CoDefendantLinks.FirstOrDefaultAsync(l => l.SubjectId == low && l.OtherSubjectId == high, cancellationToken);
            if (link is null)
            {
                return $"Subjects {subjectId} and {otherId} are not linked.";
            }

            db.CoDefendantLinks.Remove(link);
            return null;
        }, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Runs a change that returns null when done or the reason it conflicts (409), with both subjects checked first.</summary>
    private async Task<CoDefendantOutcome> ChangeAsync(int subjectId, int otherId, ClaimsPrincipal user, string what, Func<CommandCenterDb, Task<string?>> change,
        int status, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squad = SquadScope.Of(user);
        foreach (var id in new[] { subjectId, otherId })
        {
            // The same answer for "absent" and "not yours", so that another squad's ids cannot be probed.
            if (!await VisibleAsync(db, id, squad, cancellationToken))
            {
                return CoDefendantOutcome.Refused(StatusCodes.Status404NotFound, $"There is no subject {id}.");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(db) is { } conflict)
        {
            return CoDefendantOutcome.Refused(StatusCodes.Status409Conflict, conflict);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two people linking the same pair at once: the index lets one through.
            return CoDefendantOutcome.Refused(StatusCodes.Status409Conflict, $"Subjects {subjectId} and {otherId} are already linked as co-defendants.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await audit.AppendAsync(connection, new AuditRecord(Actor(user), AuditActions.RecordChanged, $"subject:{subjectId}", $"{what}: subject:{otherId}"), cancellationToken);
        await audit.AppendAsync(connection, new AuditRecord(Actor(user), AuditActions.RecordChanged, $"subject:{otherId}", $"{what}: subject:{subjectId}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CoDefendantOutcome.Done(await LinkedAsync(db, subjectId, squad, cancellationToken), status);
    }

    private static Task<bool> VisibleAsync(CommandCenterDb db, int subjectId, int? squad, CancellationToken cancellationToken) =>
        db.Subjects.AnyAsync(s => s.Id == subjectId && (squad == null || s.SquadId == squad), cancellationToken);

    private static async Task<IReadOnlyList<CoDefendantView>> LinkedAsync(CommandCenterDb db, int subjectId, int? squad, CancellationToken cancellationToken)
    {
        var links = db.CoDefendantLinks.AsNoTracking().Where(l => l.SubjectId == subjectId || l.OtherSubjectId == subjectId);
        return await (
            from link in links
            join subject in db.Subjects on (link.SubjectId == subjectId ? link.OtherSubjectId : link.SubjectId) equals subject.Id
            join squadRow in db.Squads on subject.SquadId equals squadRow.Id
            orderby subject.Code
            select new CoDefendantView(subject.Id, subject.Code, squadRow.Name, link.LinkedBy, link.LinkedAt, squad == null || subject.SquadId == squad))
            .ToListAsync(cancellationToken);
    }

    private static (int Low, int High) Ordered(int a, int b) => a < b ? (a, b) : (b, a);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
