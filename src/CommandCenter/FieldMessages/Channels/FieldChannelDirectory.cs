using System.Security.Cryptography;
using CommandCenter.Data;
using CommandCenter.Live;
using CommandCenter.Live.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// The channels in force on this node: those of the configuration file (FieldMessages:Channels, which keep working as
/// they always did, beside the table and never copied into it) followed by the enabled channels of the table,
/// decrypted. The table is read before the courier starts, again as soon as the live log says another node (or
/// this one) changed it, and every minute in case a notice was missed; no restart is needed.
/// </summary>
public sealed class FieldChannelDirectory(
    IDbContextFactory<CommandCenterDb> factory,
    FieldChannelSecrets secrets,
    IOptionsMonitor<FieldMessageOptions> options,
    LiveFeed feed,
    TimeProvider time,
    ILogger<FieldChannelDirectory> logger) : BackgroundService
{
    private static readonly TimeSpan ReadAgainEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile IReadOnlyList<FieldChannelOptions> stored = [];

    /// <summary>The channels to plan for and deliver to, the configuration's first; names are unique across both.</summary>
    public IReadOnlyList<FieldChannelOptions> Current =>
        [.. options.CurrentValue.Channels.Concat(stored).DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        feed.ReadAgainOnAsync(LiveLogKinds.FieldChannelsChanged, ReadAgainEvery, time, ReloadAsync, stoppingToken);

    /// <summary>Reads the enabled channels of the table; on a failure the channels in force stay until the next try.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var rows = await db.FieldChannels.AsNoTracking().Where(c => c.Enabled).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            stored = [.. rows.Select(Usable).OfType<FieldChannelOptions>()];
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Reading the field-message channels failed; the channels in force stay until the next try.");
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>The channel as the courier uses it, or null when its secrets cannot be read (the site's keys were lost).</summary>
    public FieldChannelOptions? Usable(FieldChannel row)
    {
        try
        {
            return new FieldChannelOptions
            {
                Name = row.Name,
                Kind = row.Kind,
                Url = secrets.Unprotect(row.ProtectedUrl),
                Secret = row.ProtectedSecret is { } secret ? secrets.Unprotect(secret) : null,
                Squad = row.Squad,
                Phones = row.Phones,
                SquadLeaders = row.SquadLeaders,
                Body = row.Body,
                ContentType = row.ContentType,
            };
        }
        catch (CryptographicException)
        {
            // Never the exception's text: nothing of the protected value reaches the log.
            logger.LogWarning("The field-message channel {Channel} cannot be decrypted with this site's keys; enter its address again.", row.Name);
            return null;
        }
    }
}
