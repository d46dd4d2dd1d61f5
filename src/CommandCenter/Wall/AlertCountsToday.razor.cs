using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Wall;

/// <summary>Today's alerts by type (越界 3 · 离线 2 …), counted from the records and counted again as alerts arrive.</summary>
public partial class AlertCountsToday
{
    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    private IEnumerable<KeyValuePair<AlertRule, int>> Counts => (Value ?? []).OrderBy(c => c.Key);

    protected override Task<Dictionary<AlertRule, int>> ReadAsync(int? squad, CancellationToken cancellationToken) =>
        Queries.RaisedTodayByRuleAsync(squad, cancellationToken);
}
