using CommandCenter.Data;
using CommandCenter.Geo.Fences;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Fences;

/// <summary>A fence's scope must name subjects and squads that exist: a fence for nobody would silently guard nothing.</summary>
public static class FenceReferences
{
    public static async Task<(string Field, string Message)?> ProblemAsync(CommandCenterDb db, Geofence fence, CancellationToken cancellationToken)
    {
        switch (fence.Scope)
        {
            case FenceScopeKind.ListedSubjects:
                var listed = fence.ScopeSubjectIds;
                var found = await db.Subjects.Where(s => listed.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
                var missing = listed.Except(found).ToList();
                return missing.Count == 0 ? null : ("scopeSubjectIds", $"There is no subject {string.Join(", ", missing)}.");
            case FenceScopeKind.Squad when fence.ScopeSquadId is { } squad:
                return await db.Squads.AnyAsync(s => s.Id == squad, cancellationToken) ? null : ("scopeSquadId", $"There is no squad {squad}.");
            default:
                return null;
        }
    }
}
