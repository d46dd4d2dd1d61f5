using System.Linq.Expressions;
using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Data;

/// <summary>
/// The one spelling of "an open alert" (neither resolved nor dismissed), in SQL and in LINQ. Both must agree
/// with <see cref="AlertStates.IsOpen"/> (a test checks both against the migrated database), and the SQL is the filter of the partial unique index that keeps one
/// open alert per subject, rule and fence: an ON CONFLICT clause names that index by repeating its filter.
/// It lives beside the DbContext, which every feature may use, so that no feature depends on another for it.
/// </summary>
public static class OpenAlerts
{
    /// <summary>The SQL condition on the <c>state</c> column of <c>alerts</c>.</summary>
    public const string Sql = $"state NOT IN ('{nameof(AlertState.Resolved)}', '{nameof(AlertState.Dismissed)}')";

    private static readonly Expression<Func<Alert, bool>> IsOpen =
        a => a.State != AlertState.Resolved && a.State != AlertState.Dismissed;

    private static readonly Expression<Func<Alert, bool>> IsClosed =
        a => a.State == AlertState.Resolved || a.State == AlertState.Dismissed;

    /// <summary>Only the alerts that are still open.</summary>
    public static IQueryable<Alert> WhereOpen(this IQueryable<Alert> alerts) => alerts.Where(IsOpen);

    /// <summary>Only the alerts that were resolved or dismissed.</summary>
    public static IQueryable<Alert> WhereClosed(this IQueryable<Alert> alerts) => alerts.Where(IsClosed);
}
