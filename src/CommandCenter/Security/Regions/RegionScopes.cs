using System.Security.Claims;

namespace CommandCenter.Security.Regions;

/// <summary>
/// Decides what a screen may hear, from who is watching and the region (a squad's id) it was opened for:
/// the one place the wall page, the hub and the map's APIs ask, so they cannot disagree.
/// </summary>
public class RegionScopes(ISquadDirectory squads)
{
    /// <summary>
    /// No region asked for: the viewer's own scope (a squad leader's squad, everybody else all). A region: that
    /// squad, unless it is not a number, not a squad in service, or another squad than the leader's own.
    /// </summary>
    public async Task<RegionScope> ResolveAsync(ClaimsPrincipal user, string? requested, CancellationToken cancellationToken)
    {
        var own = SquadScope.Of(user);
        if (string.IsNullOrEmpty(requested))
        {
            return new RegionScope(own, RegionRefusal.None, null);
        }

        if (RegionScope.Parse(requested) is not { } region)
        {
            return new RegionScope(own, RegionRefusal.NotAnId, requested);
        }

        // Another squad's leader is refused before the squad is looked up, so the answer tells them nothing of which squads exist.
        if (own is not null && own != region)
        {
            return new RegionScope(own, RegionRefusal.Forbidden, requested);
        }

        return await squads.ExistsAsync(region, cancellationToken)
            ? new RegionScope(region, RegionRefusal.None, requested)
            : new RegionScope(own, RegionRefusal.Unknown, requested);
    }
}
