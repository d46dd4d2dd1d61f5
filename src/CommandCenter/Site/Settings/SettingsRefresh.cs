using CommandCenter.Data;
using CommandCenter.Live;
using CommandCenter.Live.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Site.Settings;

/// <summary>
/// Brings the stored settings into configuration: once before the other services start, then whenever another
/// node saved a newer version: at once when the live log says so, and at each interval in any case (it asks for
/// the version, one row; the values only when it moved).
/// </summary>
public sealed class SettingsRefresh(
    IDbContextFactory<CommandCenterDb> factory,
    StoredSettingsProvider provider,
    LiveFeed feed,
    TimeProvider time,
    IOptions<SettingsOptions> options,
    ILogger<SettingsRefresh> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        feed.ReadAgainOnAsync(LiveLogKinds.SettingsChanged, options.Value.RefreshInterval, time, RefreshAsync, stoppingToken);

    /// <summary>Reads the stored settings if they are newer than those in force; answers whether they were.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var version = await db.SiteSettings.Where(s => s.Id == StoredSettings.Row).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
            if (version <= provider.Version)
            {
                return false;
            }

            var row = await db.SiteSettings.AsNoTracking().Where(s => s.Id == StoredSettings.Row).FirstOrDefaultAsync(cancellationToken);
            return provider.Apply(row?.Values ?? [], row?.Version ?? 0);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Reading the stored settings failed; the settings in force stay until the next try.");
            return false;
        }
    }
}
