using CommandCenter.Live;
using CommandCenter.Live.Log;

namespace CommandCenter.Fences;

/// <summary>
/// Brings this node's fence index up to date when any node saved a fence: the live log's entry reaches every
/// node's tail within its poll (at once with the wake-up), so the rules everywhere judge by the new fence
/// within a second.
/// </summary>
public sealed class FenceIndexFollowsLog(LiveFeed feed, FenceCatalog catalog, ILogger<FenceIndexFollowsLog> logger) : IHostedService, IDisposable
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = feed.SubscribeChanges(ReloadAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => subscription?.Dispose();

    private async Task ReloadAsync(string kind, LiveLogPayload payload)
    {
        if (kind != LiveLogKinds.FencesChanged)
        {
            return;
        }

        try
        {
            await (payload.FenceId is { } id ? catalog.ReloadAsync(id, CancellationToken.None) : catalog.RefreshChangedAsync(CancellationToken.None));
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "A saved fence did not reach this node's index; the next periodic refresh brings it.");
        }
    }
}
