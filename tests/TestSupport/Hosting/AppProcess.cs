using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommandCenter.TestSupport.Postgis;

namespace CommandCenter.TestSupport.Hosting;

/// <summary>
/// The built app (CommandCenter.dll beside the tests) as a process of its own on a free loopback port,
/// for what an in-process host cannot show: being killed with SIGKILL mid-write, and starting again on
/// the same database. Settings go in as environment variables (Section__Key).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int LogLines = 200;

    private readonly Process process;
    private readonly Queue<string> log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the app wrote, for a failing test's message.</summary>
    public string RecentLog
    {
        get
        {
            lock (log)
            {
                return string.Join(Environment.NewLine, log);
            }
        }
    }

    /// <summary>Starts the app on the database and waits until /healthz answers 200.</summary>
    /// <param name="connectionString">The database as its owner (who migrates it at start); the app connects as the app's role.</param>
    /// <param name="settings">Configuration, e.g. <c>["Demo:Seed"] = "true"</c>.</param>
    /// <param name="port">The port; a free one when omitted (pass the old one to restart "the same" server).</param>
    /// <param name="dll">The built app; the one beside the running assembly when omitted.</param>
    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, int? port = null, string? dll = null)
    {
        dll ??= Path.Combine(AppContext.BaseDirectory, "CommandCenter.dll");
        var directory = Path.GetDirectoryName(Path.GetFullPath(dll))!;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The built app is not beside the tests; build the solution first.", dll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__ConnectionString"] = TestDatabaseRoles.AsApp(connectionString);
        start.Environment["Database__MigrationConnectionString"] = connectionString;
        foreach (var (key, value) in new AuditAnchorFolder().Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CommandCenter.Ingest"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        }
        catch
        {
            // Nobody else holds it yet: left running it would outlive the test run.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown code runs, as when the machine loses power.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:{Environment.NewLine}{RecentLog}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not become healthy within {timeout}:{Environment.NewLine}{RecentLog}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Enqueue(line);
            while (log.Count > LogLines)
            {
                log.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
