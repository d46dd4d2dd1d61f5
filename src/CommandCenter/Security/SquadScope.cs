using System.Globalization;
using System.Security.Claims;

namespace CommandCenter.Security;

/// <summary>Which squad's data a person is limited to: a squad leader their own; everybody else none (all squads).</summary>
public static class SquadScope
{
    public static int? Of(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.SquadLeader) || user.IsInRole(Roles.Commander) || user.IsInRole(Roles.DutyOfficer))
        {
            return null;
        }

        // A squad leader without a squad sees nothing rather than everything.
        return int.TryParse(user.FindFirstValue(ClaimNames.Squad), NumberStyles.Integer, CultureInfo.InvariantCulture, out var squad) ? squad : -1;
    }
}
