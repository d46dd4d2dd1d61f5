using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Reports;

/// <summary>
/// Whose alerts and people a report may show: a squad leader only their own squad, and asking for another
/// squad is refused rather than quietly answered with their own; commanders and duty officers any squad, or all.
/// </summary>
public class ReportScope(IDbContextFactory<CommandCenterDb> factory)
{
    /// <summary>The squad to limit the report to (null: all), or why the request may not have it.</summary>
    public async Task<ScopeDecision> DecideAsync(ClaimsPrincipal user, int? requested, CancellationToken cancellationToken)
    {
        var own = SquadScope.Of(user);
        if (requested is not { } squad)
        {
            return new ScopeDecision(own, null, Forbidden: false);
        }

        if (own is { } mine && mine != squad)
        {
            return new ScopeDecision(own, $"A squad leader sees only their own squad's reports; squad {squad} is not theirs.", Forbidden: true);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Squads.AnyAsync(s => s.Id == squad, cancellationToken)
            ? new ScopeDecision(squad, null, Forbidden: false)
            : new ScopeDecision(own, $"There is no squad {squad}.", Forbidden: false);
    }
}
