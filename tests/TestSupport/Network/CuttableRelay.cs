using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.TestSupport.Network;

/// <summary>
/// A TCP relay between a browser and the app that a test can cut: every open connection is dropped and new
/// ones are refused, as when the hall's network goes down, until it is restored on the same port. Chromium's
/// offline emulation (Playwright's SetOfflineAsync) leaves open WebSockets alone, so it cannot cut a live hub.
/// </summary>
public sealed class CuttableRelay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly Lock gate = new();
    private TcpListener? listener;

    private CuttableRelay(Uri target, int port)
    {
        this.target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Where the browser connects, e.g. http://127.0.0.1:41235/.</summary>
    public Uri Address { get; }

    public int Port { get; }

    /// <summary>Relays a free loopback port to <paramref name="target"/> (an http://127.0.0.1:port address).</summary>
    public static CuttableRelay Start(Uri target)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var relay = new CuttableRelay(target, port);
        relay.Restore();
        return relay;
    }

    /// <summary>Stops listening (new connections are refused) and drops every open connection.</summary>
    public void Cut()
    {
        lock (gate)
        {
            listener?.Stop();
            listener = null;
        }

        foreach (var socket in open.Keys)
        {
            Drop(socket);
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _ = AcceptAsync(listener);
        }
    }

    private async Task AcceptAsync(TcpListener listening)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listening.AcceptSocketAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(target);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Cut, or one side went away: both are dropped below.
        }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The other pump, or a cut, closed the sockets.
        }
    }

    private void Drop(Socket socket)
    {
        if (!open.TryRemove(socket, out _))
        {
            return;
        }

        // A reset, not a polite close: the browser must not get to finish anything it was sending.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
