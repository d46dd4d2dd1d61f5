using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.TestSupport.Cluster;

/// <summary>
/// A private Redis (Debian's redis-server) on a free loopback port, with its own folder and no persistence;
/// stopped with TERM. The app nodes of a <see cref="LoopbackCluster"/> share it as SignalR's backplane.
/// </summary>
public sealed class LoopbackRedis : IAsyncDisposable
{
    private readonly string directory;
    private readonly Process process;

    private LoopbackRedis(string directory, Process process, int port)
    {
        this.directory = directory;
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string the app takes as Live:Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<LoopbackRedis> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("CC_REDIS") ?? "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"redis-server was not found at {binary}: install Debian's redis-server package or set CC_REDIS.");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"cc-test-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var start = new ProcessStartInfo(binary,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new LoopbackRedis(directory, process, port);
        await redis.WaitUntilListeningAsync();
        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // TERM: redis-server shuts down cleanly on it.
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("redis-server did not listen within 20 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
