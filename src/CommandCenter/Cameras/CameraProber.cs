using Microsoft.Extensions.Options;

namespace CommandCenter.Cameras;

/// <summary>
/// Probes every camera that has a link, once per <see cref="CameraOptions.ProbeInterval"/>, and records what it
/// found in <see cref="CameraSignals"/>. A camera is live when all its links answer; a few probes run at once so
/// that one stalled platform does not hold up the round beyond the probe timeout.
/// </summary>
public sealed class CameraProber(CameraQueries queries, CameraProbe probe, CameraSignals signals, IOptionsMonitor<CameraOptions> options,
    TimeProvider time, ILogger<CameraProber> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeAllAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The registry could not be read (the database away): keep the last measurement and try again.
                log.LogWarning(exception, "Camera probe round failed");
            }

            try
            {
                await Task.Delay(options.CurrentValue.ProbeInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        var cameras = (await queries.AllAsync(includeRetired: false, cancellationToken))
            .Where(c => c.StreamUrl is not null || c.SnapshotUrl is not null)
            .ToList();
        var live = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        await Parallel.ForEachAsync(cameras, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (camera, token) => live[camera.Id] = await IsLiveAsync(camera, token));
        signals.Record(live, time.GetUtcNow());
    }

    private async Task<bool> IsLiveAsync(CameraView camera, CancellationToken cancellationToken)
    {
        if (CameraLinks.Resolve(camera.StreamUrl, camera.Code) is { } stream && !await probe.IsLiveAsync(stream, isStream: true, cancellationToken))
        {
            return false;
        }

        return CameraLinks.Resolve(camera.SnapshotUrl, camera.Code) is not { } snapshot
            || await probe.IsLiveAsync(snapshot, isStream: false, cancellationToken);
    }
}
