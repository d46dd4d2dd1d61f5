using CommandCenter.Ingest.Telemetry;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>
/// What both device protocols do once their items are valid: prove each device (its key, or a forwarder's
/// integration token), refuse the whole request if any device is unknown (reporting it to the desk),
/// queue the fixes, and wait until the pipeline has committed them.
/// </summary>
public class IngestGate(DeviceDirectory devices, IngestQueue queue, UnknownDevices unknown, IngestMetrics metrics, TimeProvider time, IOptions<IngestOptions> options)
{
    /// <summary>Whether the request carries a forwarder's integration token (then device keys are not needed).</summary>
    public static async Task<ForwarderCheck> AuthenticateForwarderAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey("Authorization"))
        {
            return ForwarderCheck.None;
        }

        var result = await context.AuthenticateAsync(IntegrationTokenDefaults.Scheme);
        return result.Principal?.IsInRole(Roles.Forwarder) == true ? ForwarderCheck.Accepted : ForwarderCheck.Refused;
    }

    /// <param name="items">Validated items.</param>
    /// <param name="forwarder">Whether a forwarder vouches for the devices.</param>
    /// <param name="protocol">The protocol's name, for the desk's list of refused senders.</param>
    /// <param name="remoteAddress">The sender's address, for the same list.</param>
    /// <param name="pathOf">How to name item i in a problem (positions[i], or the OsmAnd parameter).</param>
    public async Task<GateOutcome> SubmitAsync(IReadOnlyList<PositionItem> items, bool forwarder, string protocol, string? remoteAddress,
        Func<int, string> pathOf, CancellationToken cancellationToken)
    {
        Dictionary<string, RegisteredDevice> registered;
        try
        {
            registered = await devices.FindAsync(items.Select(i => i.Device!), cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            metrics.Refused(RefusalReasons.DatabaseUnavailable, items.Count);
            return GateOutcome.NotNow("The device directory could not be read (the database is not answering); nothing was stored. Retry later.");
        }

        var accepted = new List<AcceptedFix>(items.Count);
        var refused = new List<ItemProblem>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var known = registered.TryGetValue(item.Device!, out var device);
            if (!known || (!forwarder && !Secrets.Matches(item.Key!, device!.KeyHash)))
            {
                unknown.Report(item.Device!, known ? "wrongKey" : "unknown", protocol, remoteAddress);
                refused.Add(new($"{pathOf(index)}.device", $"Device '{item.Device}' is not registered and active, or its key does not match."));
                continue;
            }

            DeviceEventNames.TryParse(item.Event, out var deviceEvent);
            accepted.Add(new AcceptedFix(device!, ToDatabasePrecision(item.Time!.Value), item.Latitude!.Value, item.Longitude!.Value,
                item.Accuracy, item.Speed, item.Heading, item.Battery) { Charging = item.Charging, Event = deviceEvent });
        }

        if (refused.Count > 0)
        {
            metrics.Refused(RefusalReasons.Unauthorized, items.Count);
            return GateOutcome.Refused(refused);
        }

        var work = new FixBatchWork(accepted);
        if (!queue.TryEnqueue(work, out var refusal))
        {
            metrics.Refused(queue.State == IngestState.DatabaseUnavailable ? RefusalReasons.DatabaseUnavailable : RefusalReasons.QueueFull, items.Count);
            return GateOutcome.NotNow(refusal!);
        }

        try
        {
            // The request's own abort does not cancel the wait's effect: the fixes are committed all the same.
            var receipt = await work.Completion.Task.WaitAsync(options.Value.CommitTimeout, time, cancellationToken);
            metrics.Accepted(protocol, items.Count);
            return GateOutcome.Committed(receipt);
        }
        catch (IngestUnavailableException exception)
        {
            metrics.Refused(RefusalReasons.DatabaseUnavailable, items.Count);
            return GateOutcome.NotNow(exception.Message);
        }
        catch (TimeoutException)
        {
            metrics.Refused(RefusalReasons.NotCommitted, items.Count);
            return GateOutcome.NotNow($"The fixes were not committed within {options.Value.CommitTimeout.TotalSeconds:0} s; send them again (a fix stored meanwhile is stored once).");
        }
    }

    /// <summary>PostgreSQL keeps microseconds; trimming here makes a fix compare equal to its stored copy (and to a resent one).</summary>
    private static DateTimeOffset ToDatabasePrecision(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
