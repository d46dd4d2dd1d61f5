using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// Reads protected people for the set-up screen and the API, names masked; a squad leader sees their squad's only.
/// Their positions are not read here: only whether and when the phone last reported.
/// </summary>
public class ProtectedPersonQueries(IDbContextFactory<CommandCenterDb> factory)
{
    public async Task<List<ProtectedPersonRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ReadAsync(null, SquadScope.Of(user), cancellationToken);

    /// <summary>One person; null when unknown or outside the caller's squad (a null caller: no limit, for the store's answers).</summary>
    public async Task<ProtectedPersonRow?> FindAsync(int id, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        (await ReadAsync(id, user is null ? null : SquadScope.Of(user), cancellationToken)).FirstOrDefault();

    /// <summary>The squads the caller may enrol a person for: a squad leader their own, everybody else all.</summary>
    public async Task<List<(int Id, string Name)>> SquadsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squads = await db.Squads.Where(q => scope == null || q.Id == scope).OrderBy(q => q.Code).Select(q => new { q.Id, q.Name }).ToListAsync(cancellationToken);
        return [.. squads.Select(q => (q.Id, q.Name))];
    }

    private async Task<List<ProtectedPersonRow>> ReadAsync(int? id, int? scope, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = await db.ProtectedPersons
            .Where(p => (id == null || p.Id == id) && (scope == null || p.SquadId == scope))
            .OrderByDescending(p => p.Active).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.SquadId,
                Squad = db.Squads.Where(q => q.Id == p.SquadId).Select(q => q.Name).FirstOrDefault(),
                p.DeviceSerial,
                p.Active,
                p.EnrolledAt,
                p.Version,
                LastReportAt = db.ProtectedPersonPositions.Where(x => x.ProtectedPersonId == p.Id).Select(x => (DateTimeOffset?)x.ReceivedAt).FirstOrDefault(),
                Links = p.Links.OrderBy(l => l.Id)
                    .Select(l => new { l.SubjectId, Code = db.Subjects.Where(s => s.Id == l.SubjectId).Select(s => s.Code).FirstOrDefault(), l.ExclusionMeters, l.WarningMeters })
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => new ProtectedPersonRow(p.Id, PersonalDataMask.Name(p.Name), p.SquadId, p.Squad ?? string.Empty, p.DeviceSerial, p.Active,
            p.EnrolledAt, p.LastReportAt, p.Version,
            [.. p.Links.Select(l => new ProtectedLinkRow(l.SubjectId, l.Code ?? string.Empty, l.ExclusionMeters, l.WarningMeters))]))];
    }
}
