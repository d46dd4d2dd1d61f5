using Microsoft.Extensions.Options;

namespace CommandCenter.Live;

/// <summary>Pushes coalesced position frames at a fixed pace, so a burst of fixes cannot flood a browser.</summary>
public class PositionFramePump(LiveFeed feed, TimeProvider time, IOptions<LiveOptions> options, ILogger<PositionFramePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FrameInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await feed.FlushPositionsAsync(time.GetUtcNow());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sending a positions frame failed.");
            }
        }
    }
}
