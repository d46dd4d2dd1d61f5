using System.Diagnostics;
using CommandCenter.TestSupport.Network;

namespace CommandCenter.TestSupport.Cluster;

/// <summary>
/// nginx in front of several app nodes with the configuration `./run.sh --nodes N` writes: the checkout's
/// deploy/local/nginx-cluster.sh generates it, so what is tested is what runs. Every request it relays is
/// logged with the node that served it and the request's affinity cookie (<see cref="ServedAsync"/>).
/// </summary>
public sealed class ClusterNginx : IAsyncDisposable
{
    private readonly string directory;
    private readonly Process process;

    private ClusterNginx(string directory, Process process, int port)
    {
        this.directory = directory;
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    private string AccessLog => Path.Combine(directory, "access.log");

    public static async Task<ClusterNginx> StartAsync(IEnumerable<Uri> nodes)
    {
        var binary = Environment.GetEnvironmentVariable("CC_NGINX") ?? "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"nginx was not found at {binary}: install Debian's nginx package or set CC_NGINX.");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"cc-test-cluster-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "temp"));
        var port = LoopbackPorts.Free();
        List<string> arguments =
        [
            Path.Combine(CheckoutRoot(), "deploy", "local", "nginx-cluster.sh"),
            "--dir", directory, "--listen", $"127.0.0.1:{port}", "--bind", LoopbackNginx.ProxyAddress,
            "--access-log", Path.Combine(directory, "access.log"),
        ];
        foreach (var node in nodes)
        {
            arguments.AddRange(["--node", node.Authority]);
        }

        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, await RunAsync("bash", arguments));
        var process = Process.Start(new ProcessStartInfo(binary, ["-p", directory, "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        await LoopbackPorts.WaitUntilListeningAsync(process, port, "nginx", TimeSpan.FromSeconds(15));
        return new ClusterNginx(directory, process, port);
    }

    /// <summary>Each request relayed so far: the node (host:port) that answered it, its status, its path and its affinity cookie.</summary>
    public async Task<IReadOnlyList<RelayedRequest>> ServedAsync()
    {
        if (!File.Exists(AccessLog))
        {
            return [];
        }

        // nginx writes each line when its request ends; a WebSocket's when it closes.
        await using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(RelayedRequest.Parse)];
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var run = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        return run.ExitCode == 0 ? await output : throw new InvalidOperationException($"{program} exited with {run.ExitCode}: {await errors}");
    }

    private static string CheckoutRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The checkout (CommandCenter.sln) was not found above " + AppContext.BaseDirectory);
    }
}
