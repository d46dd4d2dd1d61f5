using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.TestSupport.Live;

/// <summary>A bare hub connection that only tells whether (and when) the server closed it.</summary>
public sealed class HubProbe : IAsyncDisposable
{
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubProbe(HubConnection connection)
    {
        Connection = connection;
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public static async Task<HubProbe> ConnectAsync(Uri baseAddress, string path, CookieContainer cookies)
    {
        var probe = new HubProbe(new HubConnectionBuilder().WithUrl(new Uri(baseAddress, path), options => options.Cookies = cookies).Build());
        await probe.Connection.StartAsync();
        return probe;
    }

    /// <summary>Whether the server closes the connection within <paramref name="wait"/>.</summary>
    public async Task<bool> IsClosedWithinAsync(TimeSpan wait) => await Task.WhenAny(closed.Task, Task.Delay(wait)) == closed.Task;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
