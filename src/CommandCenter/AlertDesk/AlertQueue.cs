using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;

namespace CommandCenter.AlertDesk;

/// <summary>
/// The desk's queue, kept current from the live feed: an alert message replaces the one it updates (never a
/// second line for one alert), and what no longer passes the filter leaves. Alerts nobody has acknowledged
/// come first, the most severe of them on top; the rest follow newest first.
/// </summary>
public sealed class AlertQueue(QueueFilter filter, int capacity)
{
    private readonly Dictionary<long, AlertMessage> alerts = [];
    private List<AlertMessage> ordered = [];

    public QueueFilter Filter { get; } = filter;

    public IReadOnlyList<AlertMessage> Items => ordered;

    public void Load(IEnumerable<AlertMessage> loaded)
    {
        alerts.Clear();
        foreach (var alert in loaded)
        {
            Put(alert);
        }

        Order();
    }

    /// <summary>Takes in one message; true when the queue changed.</summary>
    public bool Apply(AlertMessage alert)
    {
        var known = alerts.TryGetValue(alert.AlertId, out var previous);
        if (known && previous!.Sequence > alert.Sequence && alert.Sequence != 0)
        {
            return false; // an older word about the alert than the one already shown
        }

        if (!known && !Filter.Admits(alert))
        {
            return false;
        }

        Put(alert);
        Order();
        return true;
    }

    /// <summary>The alert <paramref name="step"/> places after (or before, when negative) the given one, for the arrow keys.</summary>
    public long? Neighbour(long? current, int step)
    {
        if (Items.Count == 0)
        {
            return null;
        }

        var at = ordered.FindIndex(a => a.AlertId == current);
        var next = at < 0 ? 0 : Math.Clamp(at + step, 0, Items.Count - 1);
        return Items[next].AlertId;
    }

    private void Put(AlertMessage alert)
    {
        if (Filter.Admits(alert))
        {
            alerts[alert.AlertId] = alert;
        }
        else
        {
            alerts.Remove(alert.AlertId);
        }
    }

    private void Order() => ordered = alerts.Values
        .OrderByDescending(a => a.State == AlertState.Raised)
        .ThenBy(a => a.State == AlertState.Raised ? (int)a.Severity : 0)
        .ThenByDescending(a => a.RaisedAt)
        .ThenByDescending(a => a.AlertId)
        .Take(capacity)
        .ToList();
}
