using CommandCenter.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoView;

/// <summary>
/// Pushes the masked picture to the delegation view at a slow pace, and each new alert stripped of the person.
/// Every node runs one and tells only the visitors connected to it (<see cref="DemoConnections"/>): every
/// node hears every alert from the live log and reads the same picture from the database, so each visitor
/// hears each message once however many nodes run, and no node has to be elected to send.
/// </summary>
public class DemoBroadcaster(
    IHubContext<DemoHub, IDemoClient> hub,
    DemoConnections connections,
    DemoPicture picture,
    LiveFeed feed,
    TimeProvider time,
    IOptions<DelegationOptions> options,
    ILogger<DemoBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var alerts = feed.SubscribeAlerts(alert => Local()?.demoAlert(picture.Mask(alert)) ?? Task.CompletedTask);
        using var timer = new PeriodicTimer(options.Value.FrameInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // No visitor here: no frame to build, nothing read from the database.
                if (Local() is { } visitors)
                {
                    await visitors.demoFrame(await picture.FrameAsync(stoppingToken));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The demo frame could not be built; trying again next tick.");
            }
        }
    }

    /// <summary>This node's visitors (written to directly, also under the Redis backplane), or null when it has none.</summary>
    private IDemoClient? Local() => connections.All() is { Count: > 0 } ids ? hub.Clients.Clients(ids) : null;
}
