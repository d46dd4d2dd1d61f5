namespace CommandCenter.Live.Log;

/// <summary>Turns entries of the live log into the messages the screens get: an alert entry with the alert as it stands.</summary>
public class LiveAlertMessages(IAlertMessages alerts)
{
    public async Task<List<(LiveLogEntry Entry, LiveLogPayload Payload, AlertMessage? Alert)>> ResolveAsync(
        IReadOnlyList<LiveLogEntry> entries, CancellationToken cancellationToken)
    {
        var payloads = entries.Select(LiveLogReader.PayloadOf).ToList();
        var ids = payloads.Where(p => p.AlertId is not null).Select(p => p.AlertId!.Value).Distinct().ToList();
        var found = ids.Count == 0 ? [] : (await alerts.FindAsync(ids, cancellationToken)).ToDictionary(a => a.AlertId);
        return [.. entries.Select((entry, i) =>
        {
            var alert = LiveLogKinds.IsAlert(entry.Kind) && payloads[i].AlertId is { } id && found.TryGetValue(id, out var message)
                ? message with { Sequence = entry.Seq }
                : null;
            return (entry, payloads[i], alert);
        })];
    }
}
