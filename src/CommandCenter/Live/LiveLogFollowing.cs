namespace CommandCenter.Live;

/// <summary>
/// How a node keeps something it reads from the database current: read again at once when the live log reports a
/// change of that kind (from any node), and at each interval in case a notice was missed.
/// </summary>
public static class LiveLogFollowing
{
    public static async Task ReadAgainOnAsync(this LiveFeed feed, string kind, TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> read, CancellationToken stoppingToken)
    {
        using var changes = feed.SubscribeChanges(async (changed, _) =>
        {
            if (changed == kind)
            {
                await read(stoppingToken);
            }
        });
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await read(stoppingToken);
        }
    }
}
