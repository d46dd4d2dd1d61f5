using System.Collections.Concurrent;
using CommandCenter.Live;

namespace CommandCenter.Ingest;

/// <summary>
/// The senders refused as unknown or unauthorised, for the desk (like Traccar's deviceUnknown): the most
/// recent few hundred serials with their attempts, and a hub event the first time a serial is refused and
/// at most once a minute after that, so a misconfigured device cannot flood the wall.
/// </summary>
public class UnknownDevices(LiveFeed feed, TimeProvider time, ILogger<UnknownDevices> logger)
{
    private const int Remembered = 500;
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public void Report(string serial, string reason, string protocol, string? remoteAddress)
    {
        var now = time.GetUtcNow();
        serial = serial.Length <= 64 ? serial : serial[..64];
        var entry = entries.AddOrUpdate(serial,
            _ => new Entry(new UnknownDeviceMessage(serial, reason, protocol, remoteAddress, now, now, 1), DateTimeOffset.MinValue),
            (_, old) => old with { Message = old.Message with { Reason = reason, Protocol = protocol, RemoteAddress = remoteAddress, LastSeen = now, Attempts = old.Message.Attempts + 1 } });
        if (entries.Count > Remembered)
        {
            foreach (var stale in entries.OrderBy(e => e.Value.Message.LastSeen).Take(entries.Count - Remembered))
            {
                entries.TryRemove(stale.Key, out _);
            }
        }

        if (now - entry.Published >= Quiet && entries.TryUpdate(serial, entry with { Published = now }, entry))
        {
            _ = PublishAsync(entry.Message);
        }
    }

    /// <summary>The most recently refused senders first.</summary>
    public List<UnknownDeviceMessage> Recent(int limit) =>
        [.. entries.Values.Select(e => e.Message).OrderByDescending(m => m.LastSeen).Take(limit)];

    private async Task PublishAsync(UnknownDeviceMessage message)
    {
        try
        {
            await feed.DeviceUnknownAsync(message);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Publishing an unknown device failed.");
        }
    }

    private sealed record Entry(UnknownDeviceMessage Message, DateTimeOffset Published);
}
