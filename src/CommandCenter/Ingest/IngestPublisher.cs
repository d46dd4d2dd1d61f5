using CommandCenter.Alerts.Rules;
using CommandCenter.Fences;
using CommandCenter.Live;
using CommandCenter.Hosting;
using CommandCenter.Ingest.Telemetry;

namespace CommandCenter.Ingest;

/// <summary>
/// Tells the hall what a committed micro-batch changed: pending crossings, and the new positions into the next
/// coalesced frame. Called only after the commit. The alerts it raised or changed reach the screens from the
/// live log, which the batch's transaction wrote.
/// A subject's coordinates are published only while their positioning order is in force.
/// </summary>
public class IngestPublisher(
    LiveFeed feed,
    PendingTransitions pending,
    DeviceDirectory directory,
    FenceCatalog fences,
    AlertEngine engine,
    SiteClock clock,
    ILogger<IngestPublisher> logger)
{
    /// <summary>
    /// Publishes what <paramref name="transaction"/> decided over <paramref name="fixes"/>, the fixes it judged; those from
    /// <paramref name="handedInFrom"/> on were stored by the node that accepted them and handed off to this one.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<AcceptedFix> fixes, EngineTransaction transaction, WriteResult result, DateTimeOffset now, int handedInFrom = int.MaxValue)
    {
        var today = clock.Today(now);
        foreach (var alert in result.Alerts.Where(a => a.Inserted))
        {
            TraceRaise(alert);
        }

        try
        {
            foreach (var notice in transaction.Transitions)
            {
                var message = ToMessage(notice, fixes, today);
                pending.Apply(message);
                await feed.TransitionAsync(message);
            }
        }
        catch (Exception exception)
        {
            // What is committed stays committed; a wall that missed a message catches up when it reloads.
            logger.LogWarning(exception, "Publishing committed crossings failed.");
        }

        feed.QueuePositions(fixes
            .Where((f, i) => (i >= handedInFrom || result.Stored.Contains((f.Device.DeviceId, f.FixTime))) && f.Device.Subject.IsLocationVisibleOn(today))
            .Select(f => new PositionUpdate(f.Device.Subject.Id, f.Device.Subject.SquadId, f.Latitude, f.Longitude, f.FixTime)
            {
                Pending = engine.IsPending(f.Device.Subject.Id),
            }));
    }

    /// <summary>
    /// Marks a committed alert in a span of its own under the batch's, for the site's traces; the screens hear of
    /// it from the live log.
    /// </summary>
    private static void TraceRaise(StoredAlert alert)
    {
        using var span = IngestTracing.Source.StartActivity("alert raise");
        span?.SetTag("commandcenter.alert.id", alert.Id);
        span?.SetTag("commandcenter.alert.kind", alert.Rule.ToString());
        span?.SetTag("commandcenter.alert.severity", alert.Severity.ToString());
    }

    private TransitionMessage ToMessage(TransitionNotice notice, IReadOnlyList<AcceptedFix> fixes, DateOnly today)
    {
        var subjectId = (int)notice.Key.SubjectId;
        var subject = directory.Subject(subjectId);
        var fix = notice.FixIndex >= 0 && notice.FixIndex < fixes.Count ? fixes[notice.FixIndex] : null;
        var visible = fix is not null && subject?.IsLocationVisibleOn(today) == true;
        return new TransitionMessage(
            feed.LastSequence, subjectId, subject?.Code ?? $"#{subjectId}", subject?.SquadId ?? 0,
            notice.Key.Rule.Rule, notice.Key.Rule.FenceId, FenceName(notice.Key.Rule.FenceId),
            notice.Change, notice.Since, notice.FixesBeyond,
            visible ? fix!.Latitude : null, visible ? fix!.Longitude : null);
    }

    private string? FenceName(int? fenceId) =>
        fenceId is { } id && fences.Current.TryGet(id, out var fence) ? fence.Name : null;
}
