using CommandCenter.Alerts.Rules;
using CommandCenter.Fences;
using CommandCenter.Ingest.Telemetry;
using CommandCenter.Live;
using CommandCenter.Hosting;

namespace CommandCenter.Ingest;

/// <summary>
/// Tells the hall what a committed micro-batch changed: alerts raised and changed at once, pending
/// crossings, and the new positions into the next coalesced frame. Called only after the commit.
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
    public async Task PublishAsync(IReadOnlyList<AcceptedFix> fixes, EngineTransaction transaction, WriteResult result, DateTimeOffset now)
    {
        var today = clock.Today(now);

        try
        {
            foreach (var alert in result.Alerts)
            {
                var message = ToMessage(alert, today) with { Sequence = feed.NextSequence() };
                if (alert.Inserted)
                {
                    await RaiseAsync(alert, message);
                }
                else
                {
                    await feed.AlertChangedAsync(message);
                }
            }

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
            logger.LogWarning(exception, "Publishing committed alerts failed.");
        }

        feed.QueuePositions(fixes
            .Where(f => result.Stored.Contains((f.Device.DeviceId, f.FixTime)) && f.Device.Subject.IsLocationVisibleOn(today))
            .Select(f => new PositionUpdate(f.Device.Subject.Id, f.Device.Subject.SquadId, f.Latitude, f.Longitude, f.FixTime)
            {
                Pending = engine.IsPending(f.Device.Subject.Id),
            }));
    }

    /// <summary>Tells the hall of a committed alert, in a span of its own under the batch's.</summary>
    private async Task RaiseAsync(StoredAlert alert, AlertMessage message)
    {
        using var span = IngestTracing.Source.StartActivity("alert raise");
        span?.SetTag("commandcenter.alert.id", alert.Id);
        span?.SetTag("commandcenter.alert.kind", alert.Rule.ToString());
        span?.SetTag("commandcenter.alert.severity", alert.Severity.ToString());
        await feed.AlertRaisedAsync(message);
    }

    private AlertMessage ToMessage(StoredAlert alert, DateOnly today)
    {
        var subject = directory.Subject(alert.SubjectId);
        var visible = subject?.IsLocationVisibleOn(today) == true;
        return new AlertMessage(
            Sequence: 0,
            AlertId: alert.Id,
            SubjectId: alert.SubjectId,
            SubjectCode: subject?.Code ?? $"#{alert.SubjectId}",
            Rule: alert.Rule,
            Severity: alert.Severity,
            State: alert.State,
            FenceId: alert.FenceId,
            FenceName: FenceName(alert.FenceId),
            SquadId: alert.SquadId,
            SquadName: subject?.SquadName ?? string.Empty,
            RaisedAt: alert.RaisedAt,
            Latitude: visible ? alert.Latitude : null,
            Longitude: visible ? alert.Longitude : null)
        {
            Detail = alert.DetailMessage is null ? alert.Detail : null,
            DetailKey = alert.DetailMessage?.Key,
            DetailArgs = alert.DetailMessage?.Args,
            ConditionCleared = alert.ConditionCleared,
            EscalatedAt = alert.EscalatedAt,
            DispatchedSquadId = alert.DispatchedSquadId,
        };
    }

    private TransitionMessage ToMessage(TransitionNotice notice, IReadOnlyList<AcceptedFix> fixes, DateOnly today)
    {
        var subjectId = (int)notice.Key.SubjectId;
        var subject = directory.Subject(subjectId);
        var fix = notice.FixIndex >= 0 && notice.FixIndex < fixes.Count ? fixes[notice.FixIndex] : null;
        var visible = fix is not null && subject?.IsLocationVisibleOn(today) == true;
        return new TransitionMessage(
            feed.NextSequence(), subjectId, subject?.Code ?? $"#{subjectId}", subject?.SquadId ?? 0,
            notice.Key.Rule.Rule, notice.Key.Rule.FenceId, FenceName(notice.Key.Rule.FenceId),
            notice.Change, notice.Since, notice.FixesBeyond,
            visible ? fix!.Latitude : null, visible ? fix!.Longitude : null);
    }

    private string? FenceName(int? fenceId) =>
        fenceId is { } id && fences.Current.TryGet(id, out var fence) ? fence.Name : null;
}
