using System.Globalization;
using System.Security.Claims;
using CommandCenter.AlertLog;
using CommandCenter.Data;
using CommandCenter.Devices;
using CommandCenter.Localization;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// Enrols protected people and their phones, links them to the subjects who must keep away, and retires them. Each
/// change commits with its audit entry (the person named by number, never by name); the rules of every subject it
/// touches then read the links again. A squad leader reaches only their squad's people and subjects: anything else
/// is, to them, not there.
/// </summary>
public class ProtectedPersonStore(
    IDbContextFactory<CommandCenterDb> factory, ProtectedPersonQueries queries, AuditTrail audit, IRuleEngine rules,
    IOptionsMonitor<AlertOptions> alertOptions, TimeProvider time, IStringLocalizer<UiText> text)
{
    private const int MaxNameLength = 50;
    private const double MinRadiusMetres = 10;
    private const double MaxRadiusMetres = 50_000;

    public async Task<ProtectedPersonOutcome> EnrolAsync(ProtectedPersonInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors["name"] = [text["Protected.NameProblem", MaxNameLength]];
        }

        if (DeviceChecks.SerialProblem(input.Serial, text) is { } serialProblem)
        {
            errors["serial"] = [serialProblem];
        }

        var squadId = SquadScope.Of(user) ?? input.SquadId;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (squadId is null || !await db.Squads.AnyAsync(q => q.Id == squadId, cancellationToken))
        {
            errors["squadId"] = [text["Protected.SquadUnknown"]];
        }

        if (errors.Count > 0)
        {
            return ProtectedPersonOutcome.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var serial = input.Serial!.Trim();
        if (await db.ProtectedPersons.AnyAsync(p => p.Active && p.DeviceSerial == serial, cancellationToken))
        {
            return ProtectedPersonOutcome.Conflict("serial", text["Devices.SerialActive", serial]);
        }

        // 256 bits from the operating system's CSPRNG, shown once; only its hash is kept.
        var key = Secrets.New();
        var person = new ProtectedPerson { Name = name!, SquadId = squadId!.Value, DeviceSerial = serial, KeyHash = Secrets.Hash(key), EnrolledAt = time.GetUtcNow() };
        db.ProtectedPersons.Add(person);
        if (await SaveAsync(db, cancellationToken) is { } refused)
        {
            return refused;
        }

        await AuditAsync(db, user, person.Id, $"enrolled protected person {person.Id} of squad {person.SquadId} with phone {serial}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProtectedPersonOutcome(DeviceOutcomeKind.Done, await queries.FindAsync(person.Id, null, CancellationToken.None), key);
    }

    /// <summary>Links a subject (or changes the radii of an existing link); radii left out take the settings' defaults.</summary>
    public async Task<ProtectedPersonOutcome> LinkAsync(int id, ProtectedLinkInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var defaults = alertOptions.CurrentValue;
        var exclusion = input.ExclusionMetres ?? defaults.ProtectedExclusionMetres;
        var warning = input.WarningMetres ?? defaults.ProtectedWarningMetres;
        var errors = RadiusProblems(exclusion, warning);
        if (input.SubjectId is null)
        {
            errors["subjectId"] = [text["Validation.Required"]];
        }

        if (errors.Count > 0)
        {
            return ProtectedPersonOutcome.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindActiveAsync(db, id, user, cancellationToken) is not { } person)
        {
            return ProtectedPersonOutcome.NotFound;
        }

        var scope = SquadScope.Of(user);
        var subjectId = input.SubjectId!.Value;
        var subject = await db.Subjects.Where(s => s.Id == subjectId && (scope == null || s.SquadId == scope))
            .Select(s => new { s.Code, s.Status }).FirstOrDefaultAsync(cancellationToken);
        if (subject is null || subject.Status != SubjectStatus.InCorrection)
        {
            return ProtectedPersonOutcome.Invalid("subjectId", subject is null ? text["Devices.SubjectUnknown", subjectId] : text["Devices.SubjectNotInCorrection"]);
        }

        var link = person.Links.FirstOrDefault(l => l.SubjectId == subjectId);
        if (link is null)
        {
            person.Links.Add(link = new ProtectedPersonLink { SubjectId = subjectId, LinkedAt = time.GetUtcNow(), LinkedBy = user.Identity?.Name ?? "unknown" });
        }

        (link.ExclusionMeters, link.WarningMeters) = (exclusion, warning);
        return await CommitAsync(db, user, person,
            Invariant($"linked subject {subject.Code} ({subjectId}) to protected person {person.Id}: exclusion {exclusion:0} m, early warning {warning:0} m"),
            [subjectId], cancellationToken);
    }

    public async Task<ProtectedPersonOutcome> UnlinkAsync(int id, int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await FindActiveAsync(db, id, user, cancellationToken);
        var link = person?.Links.FirstOrDefault(l => l.SubjectId == subjectId);
        if (person is null || link is null)
        {
            return ProtectedPersonOutcome.NotFound;
        }

        person.Links.Remove(link);
        return await CommitAsync(db, user, person, Invariant($"unlinked subject {subjectId} from protected person {person.Id}"), [subjectId], cancellationToken);
    }

    /// <summary>Retires the person: the phone's key is refused from now on and the linked subjects' rules forget them.</summary>
    public async Task<ProtectedPersonOutcome> RetireAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindActiveAsync(db, id, user, cancellationToken) is not { } person)
        {
            return ProtectedPersonOutcome.NotFound;
        }

        person.Active = false;
        person.RetiredAt = time.GetUtcNow();
        return await CommitAsync(db, user, person, Invariant($"retired protected person {person.Id} and phone {person.DeviceSerial}"),
            [.. person.Links.Select(l => l.SubjectId)], cancellationToken);
    }

    private Dictionary<string, string[]> RadiusProblems(double exclusion, double warning)
    {
        var errors = new Dictionary<string, string[]>();
        if (!double.IsFinite(exclusion) || exclusion < MinRadiusMetres || exclusion > MaxRadiusMetres)
        {
            errors["exclusionMetres"] = [text["Protected.RadiusRange", MinRadiusMetres, MaxRadiusMetres]];
        }

        if (!double.IsFinite(warning) || warning > MaxRadiusMetres)
        {
            errors["warningMetres"] = [text["Protected.RadiusRange", MinRadiusMetres, MaxRadiusMetres]];
        }
        else if (!(warning > exclusion))
        {
            errors["warningMetres"] = [text["Protected.WarningBeyondExclusion"]];
        }

        return errors;
    }

    private static Task<ProtectedPerson?> FindActiveAsync(CommandCenterDb db, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        return db.ProtectedPersons.Include(p => p.Links).FirstOrDefaultAsync(p => p.Id == id && p.Active && (scope == null || p.SquadId == scope), cancellationToken);
    }

    private async Task<ProtectedPersonOutcome> CommitAsync(CommandCenterDb db, ClaimsPrincipal user, ProtectedPerson person, string detail,
        IReadOnlyList<int> subjects, CancellationToken cancellationToken)
    {
        if (await SaveAsync(db, cancellationToken) is { } refused)
        {
            return refused;
        }

        await AuditAsync(db, user, person.Id, detail, cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        foreach (var subjectId in subjects)
        {
            await rules.SupervisionChangedAsync(subjectId, CancellationToken.None);
        }

        return new ProtectedPersonOutcome(DeviceOutcomeKind.Done, await queries.FindAsync(person.Id, null, CancellationToken.None));
    }

    private Task AuditAsync(CommandCenterDb db, ClaimsPrincipal user, int personId, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(user.Identity?.Name ?? "unknown", AuditActions.ProtectedPersonChanged, $"protected-person:{personId}", detail), cancellationToken);

    private async Task<ProtectedPersonOutcome?> SaveAsync(CommandCenterDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another enrolment of the same serial, or the same link, committed between the check and this write.
            return ProtectedPersonOutcome.Conflict("serial", text["Protected.Conflict"]);
        }
    }

    private static string Invariant(FormattableString detail) => detail.ToString(CultureInfo.InvariantCulture);
}
