using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.TestSupport.Network;

/// <summary>Free loopback ports for the helpers' own servers, and waiting until a started server listens on one.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="port"/> takes connections; fails at once, with its errors, if <paramref name="process"/> exits first.</summary>
    public static async Task WaitUntilListeningAsync(Process process, int port, string name, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < within)
            {
                await Task.Delay(100);
            }
        }
    }
}
