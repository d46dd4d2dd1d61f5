using CommandCenter.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoView;

/// <summary>Pushes the masked picture to the delegation view at a slow pace, and each new alert stripped of the person.</summary>
public class DemoBroadcaster(
    IHubContext<DemoHub, IDemoClient> hub,
    DemoPicture picture,
    LiveFeed feed,
    TimeProvider time,
    IOptions<DelegationOptions> options,
    ILogger<DemoBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var alerts = feed.SubscribeAlerts(alert => hub.Clients.All.demoAlert(picture.Mask(alert)));
        using var timer = new PeriodicTimer(options.Value.FrameInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.All.demoFrame(await picture.FrameAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The demo frame could not be built; trying again next tick.");
            }
        }
    }
}
