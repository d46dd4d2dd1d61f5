using System.Globalization;
using System.Security.Claims;

namespace CommandCenter.Security;

/// <summary>Which squad's data a person is limited to: a squad leader their own; everybody else none (all squads).</summary>
public static class SquadScope
{
    /// <summary>The scope of someone who acts for no squad: they see no squad's people.</summary>
    public const int NoSquad = -1;

    public static int? Of(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.SquadLeader) || user.IsInRole(Roles.Commander) || user.IsInRole(Roles.DutyOfficer))
        {
            return null;
        }

        // A squad leader without a squad sees nothing rather than everything.
        return int.TryParse(user.FindFirstValue(ClaimNames.Squad), NumberStyles.Integer, CultureInfo.InvariantCulture, out var squad) ? squad : NoSquad;
    }

    /// <summary>
    /// Whose personal records (a home and its curfew, the places an order bans one person from) a caller may see.
    /// The same as <see cref="Of"/>, except that an API reader token acts for no squad: another system reads the
    /// alerts and the county's zones, never where a person lives.
    /// </summary>
    public static int? OfPeople(ClaimsPrincipal user) => user.IsInRole(Roles.ApiReader) ? NoSquad : Of(user);
}
