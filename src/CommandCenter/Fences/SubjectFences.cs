using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Geo.Fences;
using CommandCenter.Security;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Fences;

/// <summary>The active fences that apply to one subject: to everyone, to them by name, to their risk level or to their squad.</summary>
public class SubjectFences(IDbContextFactory<CommandCenterDb> factory)
{
    /// <summary>Null when there is no such subject the person may see.</summary>
    public async Task<List<Geofence>?> ForAsync(int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var squad = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var subject = await db.Subjects.Where(s => s.Id == subjectId && (squad == null || s.SquadId == squad))
            .Select(s => new { s.Id, s.RiskLevel, s.SquadId })
            .FirstOrDefaultAsync(cancellationToken);
        if (subject is null)
        {
            return null;
        }

        return await db.Geofences.AsNoTracking().VisibleTo(db, SquadScope.OfPeople(user))
            .Where(f => f.Active && (f.Scope == FenceScopeKind.AllSubjects
                || (f.Scope == FenceScopeKind.ListedSubjects && f.ScopeSubjectIds.Contains(subject.Id))
                || (f.Scope == FenceScopeKind.RiskLevel && f.ScopeRiskLevel == subject.RiskLevel)
                || (f.Scope == FenceScopeKind.Squad && f.ScopeSquadId == subject.SquadId)))
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
    }
}
