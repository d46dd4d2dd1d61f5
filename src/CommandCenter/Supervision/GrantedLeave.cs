using System.Linq.Expressions;

namespace CommandCenter.Supervision;

/// <summary>
/// The one spelling of "a granted leave permit" (approved, neither refused nor revoked), in SQL and in LINQ:
/// only such a permit lets the person out of the county, sets where a spot check expects them and shows on
/// their phone's schedule. Both agree with <see cref="LeavePermitView.StatusAt"/> (a test checks them on every
/// status). A report of a past day asks a different question (was it in force then, though revoked since)
/// and spells its own.
/// </summary>
public static class GrantedLeave
{
    /// <summary>The SQL condition on <c>leave_permits</c>.</summary>
    public const string Sql = "approved_at IS NOT NULL AND refused_at IS NULL AND revoked_at IS NULL";

    private static readonly Expression<Func<LeavePermit, bool>> IsGranted =
        p => p.ApprovedAt != null && p.RefusedAt == null && p.RevokedAt == null;

    /// <summary>Only the permits that were approved and still stand.</summary>
    public static IQueryable<LeavePermit> WhereGranted(this IQueryable<LeavePermit> permits) => permits.Where(IsGranted);
}
