using CommandCenter.Kit;
using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Security.Audit;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Subjects.Registry;

/// <summary>
/// Takes subjects in, changes and releases them. Each save commits together with its audit entry, which
/// names the fields that changed but never the clear values of personal data.
/// </summary>
public class SubjectStore(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time, SiteClock clock, IStringLocalizer<UiText> text,
    IEnumerable<ISubjectFactsChanged> listeners)
{
    private static readonly string[] PersonalFields = ["name", "idNumber", "phone", "homeAddress", "home"];

    /// <summary>Takes a subject in (id null) or changes one; returns their id, or the errors by field.</summary>
    public async Task<SubjectSaveResult> SaveAsync(int? id, SubjectInput input, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = clock.Today(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // A retired squad takes nobody new; a record kept in one (a released person's) can still be corrected.
        var squads = (await db.Squads.Where(s => s.RetiredAt == null || db.Subjects.Any(x => x.Id == id && x.SquadId == s.Id))
            .Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var checks = new RecordChecks(text, today, squads);
        SubjectChecks.Check(input, id is null, checks, today);
        if (!checks.IsValid)
        {
            return new SubjectSaveResult(null, checks.Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var code = input.Code!.Trim();
        if (await db.Subjects.AnyAsync(s => s.Code == code && s.Id != id, cancellationToken))
        {
            checks.Fail("code", "Validation.CaseNumberTaken", code);
            return new SubjectSaveResult(null, checks.Errors);
        }

        Subject? subject;
        Dictionary<string, string> before;
        if (id is null)
        {
            subject = new Subject { Code = code, Name = "", IdNumber = "", Phone = "", HomeAddress = "", Home = Home(input) };
            db.Subjects.Add(subject);
            before = [];
        }
        else
        {
            subject = await db.Subjects.Include(s => s.PositioningOrders).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subject is null)
            {
                return new SubjectSaveResult(null, SubjectSaveResult.NoErrors, NotFound: true);
            }

            before = Describe(subject);
        }

        var wasInCorrection = subject.Status == SubjectStatus.InCorrection;
        Apply(subject, input);
        var released = wasInCorrection && subject.Status == SubjectStatus.Released && id is not null
            ? StopOrders(subject, actor, now)
            : [];
        await db.SaveChangesAsync(cancellationToken);

        var detail = id is null ? "taken in" : "changed: " + Changes(before, Describe(subject));
        if (released.Count > 0)
        {
            detail += "; on release " + string.Join(", ", released);
        }

        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(actor, AuditActions.SubjectChanged, $"subject:{subject.Code}", detail), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.ChangedAsync(CancellationToken.None);
        }

        return new SubjectSaveResult(subject.Id, SubjectSaveResult.NoErrors);
    }

    private static void Apply(Subject subject, SubjectInput input)
    {
        subject.Code = input.Code!.Trim();
        subject.Name = Keep(input.Name, subject.Name);
        subject.IdNumber = string.IsNullOrWhiteSpace(input.IdNumber) ? subject.IdNumber : ResidentIdNumber.Normalize(input.IdNumber);
        subject.Phone = Keep(input.Phone, subject.Phone);
        subject.HomeAddress = Keep(input.HomeAddress, subject.HomeAddress);
        subject.CorrectionType = input.CorrectionType!.Value;
        subject.SupervisionLevel = input.SupervisionLevel!.Value;
        subject.RiskLevel = input.RiskLevel!.Value;
        subject.SquadId = input.SquadId!.Value;
        subject.TermStart = input.TermStart!.Value;
        subject.TermEnd = input.TermEnd!.Value;
        subject.IntakeDate = input.IntakeDate!.Value;
        if (input is { HomeLatitude: not null, HomeLongitude: not null })
        {
            subject.Home = Home(input);
        }

        subject.ReleaseDate = input.ReleaseDate;
        subject.Status = input.ReleaseDate is null ? SubjectStatus.InCorrection : SubjectStatus.Released;
    }

    /// <summary>
    /// A released person is no longer under correction, so no order may locate them after their release day:
    /// running orders end with it and requests still awaiting a decision are rejected.
    /// </summary>
    private static List<string> StopOrders(Subject subject, string actor, DateTimeOffset now)
    {
        var release = subject.ReleaseDate!.Value;
        var stopped = new List<string>();
        foreach (var order in subject.PositioningOrders)
        {
            if (order.Status == PositioningOrderStatus.Approved && PositioningRules.LastDay(order) > release)
            {
                order.EndedEarlyOn = release < order.StartDate ? order.StartDate.AddDays(-1) : release;
                order.EndedEarlyBy = actor;
                order.EndedEarlyReason = "解除矫正";
                stopped.Add($"order {order.Id} ended");
            }
            else if (order.Status == PositioningOrderStatus.Requested)
            {
                order.Status = PositioningOrderStatus.Rejected;
                order.DecidedBy = actor;
                order.DecidedAt = now;
                order.DecisionNote = "解除矫正";
                stopped.Add($"order {order.Id} withdrawn");
            }
        }

        return stopped;
    }

    /// <summary>The record's fields by their API names, to find what a save changed; <see cref="Changes"/> names personal data without its values.</summary>
    private static Dictionary<string, string> Describe(Subject s) => new()
    {
        ["code"] = s.Code,
        ["name"] = s.Name,
        ["idNumber"] = s.IdNumber,
        ["phone"] = s.Phone,
        ["homeAddress"] = s.HomeAddress,
        ["correctionType"] = s.CorrectionType.ToString(),
        ["supervisionLevel"] = s.SupervisionLevel.ToString(),
        ["riskLevel"] = s.RiskLevel.ToString(),
        ["squadId"] = s.SquadId.ToString(CultureInfo.InvariantCulture),
        ["termStart"] = Day(s.TermStart),
        ["termEnd"] = Day(s.TermEnd),
        ["intakeDate"] = Day(s.IntakeDate),
        ["home"] = s.Home is { } home ? string.Create(CultureInfo.InvariantCulture, $"{home.Y:0.######},{home.X:0.######}") : "-",
        ["releaseDate"] = s.ReleaseDate is { } day ? Day(day) : "-",
    };

    private static string Changes(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changed = after.Where(a => before[a.Key] != a.Value)
            .Select(a => PersonalFields.Contains(a.Key) ? a.Key : $"{a.Key} {before[a.Key]}→{a.Value}")
            .ToList();
        return changed.Count == 0 ? "nothing" : string.Join(", ", changed);
    }

    private static string Keep(string? value, string stored) => string.IsNullOrWhiteSpace(value) ? stored : value.Trim();

    private static Point Home(SubjectInput input) => Wgs84.Factory.CreatePoint(new Coordinate(input.HomeLongitude!.Value, input.HomeLatitude!.Value));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
