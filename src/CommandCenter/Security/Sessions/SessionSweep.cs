using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// Finds sessions ended on another node (or run out) among those this node holds open, so a revocation
/// reaches every node's hub connections and circuits within a sweep, not only the node that made it.
/// </summary>
public class SessionSweep(SessionStore store, SessionRevocations revocations, IOptions<SessionOptions> options, TimeProvider time, ILogger<SessionSweep> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a while; the requests themselves refuse nothing wrongly meanwhile.
                log.LogWarning(exception, "Could not check for revoked sessions");
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        store.Prune();
        var held = revocations.Watched.Union(store.CachedActive).ToArray();
        if (held.Length == 0)
        {
            return;
        }

        foreach (var ended in await store.EndedAmongAsync(held, cancellationToken))
        {
            store.Ended(ended);
        }
    }
}
