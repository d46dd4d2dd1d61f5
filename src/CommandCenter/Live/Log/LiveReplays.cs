using Microsoft.Extensions.Options;

namespace CommandCenter.Live.Log;

/// <summary>
/// What a wall that was away missed, from the live log: the same on every node and across restarts, for as
/// far back as <see cref="LiveOptions.LogKept"/>. A wall of another database's numbering (another epoch), or
/// one whose gap reaches past what is kept or past <see cref="LiveOptions.ReplayLimit"/>, reloads instead.
/// </summary>
public class LiveReplays(LiveLogReader reader, LiveAlertMessages messages, IOptions<LiveOptions> options)
{
    public async Task<LiveReplay> MissedAsync(long after, string? epoch, int? squad, CancellationToken cancellationToken)
    {
        var bounds = await reader.BoundsAsync(cancellationToken);
        var oldest = bounds.Oldest ?? bounds.Last + 1;
        var reset = (epoch is not null && epoch != bounds.Epoch) || after > bounds.Last || after < oldest - 1;
        if (reset)
        {
            return new LiveReplay(bounds.Epoch, true, []);
        }

        var limit = options.Value.ReplayLimit;
        var entries = await reader.AfterAsync(after, limit + 1, alertsOnly: true, squad, cancellationToken);
        if (entries.Count > limit)
        {
            return new LiveReplay(bounds.Epoch, true, []);
        }

        var resolved = await messages.ResolveAsync(entries, cancellationToken);
        var alerts = resolved.Where(r => r.Alert is not null).ToList();
        return new LiveReplay(bounds.Epoch, false, [.. alerts.Select(r => r.Alert!)])
        {
            Raised = [.. alerts.Where(r => r.Entry.Kind == LiveLogKinds.AlertRaised).Select(r => r.Entry.Seq)],
        };
    }
}
