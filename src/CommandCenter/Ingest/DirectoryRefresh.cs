using CommandCenter.Fences;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>
/// Reads the device directory and any changed fences again every <see cref="IngestOptions.DirectoryRefresh"/>,
/// beside the pipeline rather than in it: reading 50,000 devices takes long enough to stall a second of fixes.
/// The pipeline takes the new facts in at its next tick.
/// </summary>
public class DirectoryRefresh(DeviceDirectory directory, FenceCatalog fences, IngestQueue queue, TimeProvider time, IOptions<IngestOptions> options, ILogger<DirectoryRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DirectoryRefresh, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (queue.State != IngestState.Running)
            {
                continue;
            }

            try
            {
                await directory.RefreshAsync(stoppingToken);
                await fences.RefreshChangedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Reading devices and fences again failed; the ones in memory stay in use.");
            }
        }
    }
}
