using System.Net;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CommandCenter.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.TestSupport.Live;

/// <summary>
/// A real SignalR client on /hubs/wall, signed in with a session's cookies, that keeps every event it
/// hears so a test can wait for the one it expects (events of other subjects are passed over).
/// </summary>
public sealed class WallListener : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly HubConnection connection;
    private readonly Channel<AlertMessage> raised = Channel.CreateUnbounded<AlertMessage>();
    private readonly Channel<AlertMessage> changed = Channel.CreateUnbounded<AlertMessage>();
    private readonly Channel<TransitionMessage> transitions = Channel.CreateUnbounded<TransitionMessage>();
    private readonly Channel<UnknownDeviceMessage> unknown = Channel.CreateUnbounded<UnknownDeviceMessage>();
    private readonly Channel<FramePosition> positions = Channel.CreateUnbounded<FramePosition>();
    private readonly TaskCompletionSource<Exception?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WallListener(Uri baseAddress, CookieContainer cookies, string? region)
    {
        var hub = region is null ? "/hubs/wall" : $"/hubs/wall?squad={Uri.EscapeDataString(region)}";
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, hub), options => options.Cookies = cookies)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.Closed += exception =>
        {
            closed.TrySetResult(exception);
            return Task.CompletedTask;
        };
        connection.On<AlertMessage>("alertRaised", alert => raised.Writer.TryWrite(alert));
        connection.On<AlertMessage>("alertChanged", alert => changed.Writer.TryWrite(alert));
        connection.On<TransitionMessage>("transitionPending", transition => transitions.Writer.TryWrite(transition));
        connection.On<UnknownDeviceMessage>("deviceUnknown", device => unknown.Writer.TryWrite(device));
        connection.On<PositionsFrame>("positionsFrame", frame =>
        {
            foreach (var position in frame.Positions())
            {
                positions.Writer.TryWrite(position);
            }
        });
    }

    /// <summary>Connects as a wall does; with <paramref name="region"/>, as a region wall of that squad's area.</summary>
    public static async Task<WallListener> ConnectAsync(Uri baseAddress, CookieContainer cookies, string? region = null)
    {
        var listener = new WallListener(baseAddress, cookies, region);
        await listener.connection.StartAsync();

        // The handshake completes before the hub's OnConnectedAsync has run, and only then does the server count
        // this connection among those that hear the live log. The hub reads no invocation before that, so an
        // answered call means every message from here on reaches this listener.
        try
        {
            await listener.connection.InvokeAsync<LiveReplay>("Missed", long.MaxValue, null);
        }
        catch (Exception) when (listener.connection.State == HubConnectionState.Disconnected)
        {
            // A refused region closes the connection in OnConnectedAsync: the test reads why from Closed.
        }

        return listener;
    }

    public Task<AlertMessage> AlertRaisedAsync(Func<AlertMessage, bool> match, TimeSpan? wait = null) => NextAsync(raised, match, wait);

    public Task<AlertMessage> AlertChangedAsync(Func<AlertMessage, bool> match, TimeSpan? wait = null) => NextAsync(changed, match, wait);

    public Task<TransitionMessage> TransitionAsync(Func<TransitionMessage, bool> match, TimeSpan? wait = null) => NextAsync(transitions, match, wait);

    public Task<UnknownDeviceMessage> DeviceUnknownAsync(Func<UnknownDeviceMessage, bool> match, TimeSpan? wait = null) => NextAsync(unknown, match, wait);

    public Task<FramePosition> PositionAsync(Func<FramePosition, bool> match, TimeSpan? wait = null) => NextAsync(positions, match, wait);

    /// <summary>Asks the hub, as a reconnecting wall does, for the alert messages numbered after <paramref name="after"/>.</summary>
    public Task<LiveReplay> MissedAsync(long after, string? epoch) => connection.InvokeAsync<LiveReplay>("Missed", after, epoch);

    /// <summary>Whether an event matching arrives within a short wait (for asserting that nothing does).</summary>
    public Task<bool> HearsAlertRaisedAsync(Func<AlertMessage, bool> match, TimeSpan wait) => HearsAsync(raised, match, wait);

    /// <summary>Whether a position matching arrives within a short wait, or has arrived already and was not passed over.</summary>
    public Task<bool> HearsPositionAsync(Func<FramePosition, bool> match, TimeSpan wait) => HearsAsync(positions, match, wait);

    /// <summary>Completes when the server closes the connection, with the reason it gave (a refused region's).</summary>
    public Task<Exception?> Closed => closed.Task;

    private async Task<bool> HearsAsync<T>(Channel<T> channel, Func<T, bool> match, TimeSpan wait)
    {
        try
        {
            await NextAsync(channel, match, wait);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private async Task<T> NextAsync<T>(Channel<T> channel, Func<T, bool> match, TimeSpan? wait)
    {
        var passedOver = new List<T>();
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        try
        {
            while (true)
            {
                var item = await channel.Reader.ReadAsync(timeout.Token);
                if (match(item))
                {
                    return item;
                }

                passedOver.Add(item);
            }
        }
        catch (OperationCanceledException exception)
        {
            // Says what was heard instead, so that a failure tells a message never sent from one that did not match.
            var heard = string.Join("; ", passedOver.TakeLast(5).Select(item => item?.ToString()));
            throw new OperationCanceledException(
                $"No matching {typeof(T).Name} within {(wait ?? DefaultWait).TotalSeconds} s; the connection is {connection.State}"
                + $"{(closed.Task.IsCompleted ? $", closed by the server ({closed.Task.Result?.Message})" : string.Empty)}; "
                + $"{passedOver.Count} others heard meanwhile{(heard.Length > 0 ? $", the last: {heard}" : string.Empty)}.",
                exception);
        }
    }
}
