using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Audit;

/// <summary>Anchors the head of the audit chain on a schedule (at least hourly) and once more at shutdown.</summary>
public class AuditAnchoring(AuditAnchors anchors, IOptions<AuditAnchorOptions> options, TimeProvider time, ILogger<AuditAnchoring> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await AnchorAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await AnchorAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time ran out first; the last anchor written stands, and a shutdown must finish.
            logger.LogWarning("Shutdown was cut short before the audit chain could be anchored once more.");
        }
    }

    private async Task AnchorAsync(CancellationToken cancellationToken)
    {
        try
        {
            var anchor = await anchors.AnchorHeadAsync(cancellationToken);
            logger.LogInformation("Anchored the audit chain at entry {EntryId}.", anchor?.EntryId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unwritten anchor weakens the evidence but must not stop the app; the next tick tries again.
            logger.LogError(exception, "Anchoring the audit chain failed.");
        }
    }
}
