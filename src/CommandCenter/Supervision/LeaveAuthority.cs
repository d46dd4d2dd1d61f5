using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Supervision;

/// <summary>
/// Who may decide a leave request. The squad decides up to the delegation's days (<see cref="LeaveOptions.SquadMaxDays"/>)
/// through its squad leader, for the people of that squad only (the caller shows them no other); the brigade's
/// commander decides any length. A duty officer asks for leave but does not decide it: the desk is neither the
/// squad holding the delegation nor the county agency. Nobody decides a request they made themselves.
/// </summary>
public static class LeaveAuthority
{
    /// <summary>Why <paramref name="user"/> may not decide this request; null when they may.</summary>
    public static LeaveRefusal? ToDecide(ClaimsPrincipal user, string? requestedBy, LeavePeriod period, LeaveLimits limits)
    {
        var commander = user.IsInRole(Roles.Commander);
        if (!commander && !user.IsInRole(Roles.SquadLeader))
        {
            return new LeaveRefusal("authority", StatusCodes.Status403Forbidden, "Leave.Rule.NoAuthority");
        }

        if (requestedBy is not null && string.Equals(requestedBy, user.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            return new LeaveRefusal("own-request", StatusCodes.Status403Forbidden, "Leave.Rule.OwnRequest");
        }

        return !commander && limits.NeedsCommander(period) ? limits.BeyondDelegation(period) : null;
    }
}
