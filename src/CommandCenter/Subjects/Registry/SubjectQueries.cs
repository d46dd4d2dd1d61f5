using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Kit.Forms;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Privacy;
using CommandCenter.Subjects.Privacy;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Positioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects.Registry;

/// <summary>Searches the subjects and reads one, masked; a squad leader finds only the subjects of their own squad.</summary>
public class SubjectQueries(
    IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock, IOptions<SubjectsOptions> options,
    IAuthorizationService authorization, AuditTrail audit)
{
    public const int DefaultPageSize = 25;

    /// <summary>The longest purpose kept in the trail, as for an unmasking.</summary>
    public const int MaxPurposeLength = 200;

    public async Task<SubjectSearchOutcome> SearchAsync(SubjectSearch search, ClaimsPrincipal user, string? remoteAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var page = Math.Max(1, search.Page ?? 1);
        var size = Math.Clamp(search.PageSize ?? DefaultPageSize, 1, settings.MaxPageSize);
        var byName = !string.IsNullOrWhiteSpace(search.Name);
        if (byName && !(await authorization.AuthorizeAsync(user, Policies.UnmaskPersonalData)).Succeeded)
        {
            return SubjectSearchOutcome.Refuse(StatusCodes.Status403Forbidden, page, size);
        }

        if (byName && (!SubjectCards.IsPurposeStated(search.Purpose) || search.Purpose!.Trim().Length > MaxPurposeLength))
        {
            return SubjectSearchOutcome.Refuse(StatusCodes.Status400BadRequest, page, size, "purpose", "Subjects.NameSearchPurposeRequired");
        }

        var today = clock.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, search, SquadScope.Of(user), today, settings.OrderExpiryWarningDays);

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(s => s.Code).Skip((page - 1) * size).Take(size)
            .Select(s => new
            {
                Subject = s,
                SquadName = db.Squads.Where(q => q.Id == s.SquadId).Select(q => q.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Subject.Id).ToList();
        var orders = (await db.PositioningOrders.AsNoTracking().Where(o => ids.Contains(o.SubjectId)).ToListAsync(cancellationToken))
            .ToLookup(o => o.SubjectId);

        var items = rows.Select(r =>
        {
            var s = r.Subject;
            var own = orders[s.Id].ToList();
            var inForce = own.FirstOrDefault(o => o.IsInForceOn(today));
            return new SubjectRow(
                s.Id, s.Code, PersonalDataMask.Name(s.Name), s.CorrectionType, s.SquadId, r.SquadName, s.SupervisionLevel, s.RiskLevel, s.Status, s.TermEnd,
                inForce is null ? null : PositioningRules.LastDay(inForce),
                own.Any(o => o.Status == PositioningOrderStatus.Requested),
                inForce is not null && PositioningRules.EndsSoon(inForce, today, settings.OrderExpiryWarningDays, own),
                s.Home != null);
        }).ToList();
        if (byName)
        {
            await AuditNameSearchAsync(search.Purpose!, user, remoteAddress, await query.Select(s => s.Code).OrderBy(c => c).ToListAsync(cancellationToken), cancellationToken);
        }

        return new SubjectSearchOutcome(new SubjectResults(total, page, size, items));
    }

    /// <summary>
    /// Written like an unmasking: who, why, and whom it found (by case number; the name searched for stays out
    /// of the trail, which its readers would otherwise learn).
    /// </summary>
    private Task AuditNameSearchAsync(string purpose, ClaimsPrincipal user, string? remoteAddress, List<string> found, CancellationToken cancellationToken)
    {
        var target = found.Count == 1 ? $"subject:{found[0]}" : "subject-search";
        var detail = $"{purpose.Trim()} (name search; found: {(found.Count == 0 ? "nobody" : string.Join(", ", found))})";
        return audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Unmask, target, detail, remoteAddress), cancellationToken);
    }

    /// <summary>The subject's record, masked, with their orders; null if there is none the person may see.</summary>
    public async Task<SubjectDetail?> DetailAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var squad = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Subjects.AsNoTracking().Include(s => s.PositioningOrders)
            .Where(s => s.Id == id && (squad == null || s.SquadId == squad))
            .Select(s => new { Subject = s, SquadName = db.Squads.Where(q => q.Id == s.SquadId).Select(q => q.Name).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var s = found.Subject;
        var today = clock.Today(time.GetUtcNow());
        var located = s.PositioningOrders.Any(o => o.IsInForceOn(today));
        return new SubjectDetail(
            s.Id, s.Code, PersonalDataMask.Name(s.Name), PersonalDataMask.IdNumber(s.IdNumber), PersonalDataMask.Phone(s.Phone),
            PersonalDataMask.Address(s.HomeAddress), s.CorrectionType, s.SupervisionLevel, s.RiskLevel, s.Status, s.SquadId, found.SquadName,
            s.TermStart, s.TermEnd, s.IntakeDate, s.ReleaseDate, located ? s.Home?.Y : null, located ? s.Home?.X : null,
            OrderView.Of(s.PositioningOrders, today, options.Value.OrderExpiryWarningDays), s.Home != null);
    }

    /// <summary>The active squads a person may filter by or take someone into: all, or a squad leader's own.</summary>
    public async Task<List<SquadChoice>> SquadsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var squad = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.Where(q => q.RetiredAt == null && (squad == null || q.Id == squad)).OrderBy(q => q.Code).Select(q => new SquadChoice(q.Id, q.Name)).ToListAsync(cancellationToken);
    }

    private static IQueryable<Subject> Filter(CommandCenterDb db, SubjectSearch search, int? squadScope, DateOnly today, int warningDays)
    {
        var query = db.Subjects.AsNoTracking();
        if (squadScope is { } own)
        {
            query = query.Where(s => s.SquadId == own);
        }

        if (search.SquadId is { } squad)
        {
            query = query.Where(s => s.SquadId == squad);
        }

        if (!string.IsNullOrWhiteSpace(search.Code))
        {
            query = query.Where(s => EF.Functions.ILike(s.Code, "%" + Escape(search.Code.Trim()) + "%", "\\"));
        }

        // A full name only: a family name or part of a name must not list people to pick from.
        if (!string.IsNullOrWhiteSpace(search.Name))
        {
            var name = search.Name.Trim();
            query = query.Where(s => s.Name == name);
        }

        if (search.CorrectionType is { } type)
        {
            query = query.Where(s => s.CorrectionType == type);
        }

        if (search.SupervisionLevel is { } supervision)
        {
            query = query.Where(s => s.SupervisionLevel == supervision);
        }

        if (search.RiskLevel is { } risk)
        {
            query = query.Where(s => s.RiskLevel == risk);
        }

        if (search.HomeNotPlaced == true)
        {
            query = query.Where(s => s.Home == null);
        }

        if (search.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(today));
        var horizon = today.AddDays(warningDays);
        return search.Order switch
        {
            OrderFilter.InForce => query.Where(s => inForce.Any(o => o.SubjectId == s.Id)),
            OrderFilter.NoneInForce => query.Where(s => !inForce.Any(o => o.SubjectId == s.Id)),
            OrderFilter.AwaitingDecision => query.Where(s => db.PositioningOrders.Any(o => o.SubjectId == s.Id && o.Status == PositioningOrderStatus.Requested)),
            OrderFilter.EndingSoon => query.Where(s => inForce.Any(o => o.SubjectId == s.Id && o.EndedEarlyOn == null && o.EndDate <= horizon
                && !db.PositioningOrders.Any(next => next.SubjectId == s.Id && next.Status == PositioningOrderStatus.Approved && next.StartDate == o.EndDate.AddDays(1)))),
            _ => query,
        };
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
