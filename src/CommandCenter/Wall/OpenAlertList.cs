using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;

namespace CommandCenter.Wall;

/// <summary>
/// The open alerts a feed shows: newest raised first, each alert once. Live messages and a read from the
/// database overlap (a screen subscribes before it reads, so that nothing falls between the two), so a
/// message older than what is already known of an alert is ignored rather than shown.
/// </summary>
public sealed class OpenAlertList(int capacity)
{
    // Closed alerts are remembered too, so a stale "open" read cannot bring one back; bounded for a screen that stays up for weeks.
    private const int RememberedVersions = 5000;

    private readonly List<AlertMessage> items = [];
    private readonly Dictionary<long, long> versions = [];

    public IReadOnlyList<AlertMessage> Items => items;

    public void Apply(AlertMessage alert)
    {
        if (versions.TryGetValue(alert.AlertId, out var known) && known > alert.Sequence)
        {
            return;
        }

        versions[alert.AlertId] = alert.Sequence;
        items.RemoveAll(a => a.AlertId == alert.AlertId);
        if (AlertStates.IsOpen(alert.State))
        {
            var index = items.FindIndex(a => IsNewer(alert, a));
            items.Insert(index < 0 ? items.Count : index, alert);
            if (items.Count > capacity)
            {
                items.RemoveAt(items.Count - 1);
            }
        }

        if (versions.Count > RememberedVersions)
        {
            Forget();
        }
    }

    public void ApplyAll(IEnumerable<AlertMessage> alerts)
    {
        foreach (var alert in alerts)
        {
            Apply(alert);
        }
    }

    private static bool IsNewer(AlertMessage alert, AlertMessage than) =>
        alert.RaisedAt > than.RaisedAt || (alert.RaisedAt == than.RaisedAt && alert.AlertId > than.AlertId);

    private void Forget()
    {
        var shown = items.Select(a => a.AlertId).ToHashSet();
        foreach (var id in versions.Keys.Where(id => !shown.Contains(id)).Take(versions.Count - RememberedVersions / 2).ToList())
        {
            versions.Remove(id);
        }
    }
}
