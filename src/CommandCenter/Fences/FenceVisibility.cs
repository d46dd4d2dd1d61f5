using CommandCenter.Data;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Fences;

/// <summary>
/// The one rule for which fences a squad-scoped caller sees: those that apply by a general rule (everybody,
/// a risk level: the county, the schools) and those that name one of their own squad's people or their squad.
/// A home zone or a victim's home names a person, and where that person lives is no other squad's business.
/// </summary>
public static class FenceVisibility
{
    /// <param name="squad">The caller's scope (<see cref="Security.SquadScope.OfPeople"/>): null for all fences.</param>
    public static IQueryable<Geofence> VisibleTo(this IQueryable<Geofence> fences, CommandCenterDb db, int? squad) =>
        squad is not { } own
            ? fences
            : fences.Where(f => f.Scope == FenceScopeKind.AllSubjects
                || f.Scope == FenceScopeKind.RiskLevel
                || (f.Scope == FenceScopeKind.Squad && f.ScopeSquadId == own)
                || (f.Scope == FenceScopeKind.ListedSubjects && db.Subjects.Any(s => s.SquadId == own && f.ScopeSubjectIds.Contains(s.Id))));
}
