using Microsoft.Extensions.Options;

namespace CommandCenter.Live;

/// <summary>Pushes coalesced position frames at a fixed pace, so a burst of fixes cannot flood a browser.</summary>
public class PositionFramePump(LiveFeed feed, TimeProvider time, LiveMetrics metrics, IOptions<LiveOptions> options, ILogger<PositionFramePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FrameInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var started = time.GetTimestamp();
                var sent = await feed.FlushPositionsAsync(time.GetUtcNow());
                if (sent > 0)
                {
                    metrics.FrameSent(time.GetElapsedTime(started), sent);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sending a positions frame failed.");
            }
        }
    }
}
