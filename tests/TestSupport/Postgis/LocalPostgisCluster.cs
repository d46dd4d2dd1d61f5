using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>
/// A throwaway PostgreSQL cluster started with initdb and pg_ctl on a free port, for machines with no
/// database and no Docker. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
/// Durability is switched off: the cluster lives only as long as the test run.
/// </summary>
public sealed class LocalPostgisCluster : IAsyncDisposable
{
    private readonly string directory;
    private readonly string binaries;
    private readonly bool asPostgresUser;

    private LocalPostgisCluster(string directory, string binaries, int port, bool asPostgresUser)
    {
        this.directory = directory;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=30;Command Timeout=120";

    public static async Task<LocalPostgisCluster> StartAsync()
    {
        var binaries = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), $"cc-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(directory);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asUser: false);
        }

        var cluster = new LocalPostgisCluster(directory, binaries, FreePort(), asPostgresUser);
        await cluster.RunPgAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    private string DataDirectory => Path.Combine(directory, "data");

    private string Settings => $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    /// <summary>Stops the server (fast shutdown: clients are disconnected), for tests of what happens while the database is down.</summary>
    public Task StopServerAsync() => RunPgAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartServerAsync() =>
        RunPgAsync("pg_ctl", ["-D", DataDirectory, "-o", Settings, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task RunPgAsync(string program, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(binaries, program), arguments, asPostgresUser);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asUser)
    {
        var start = asUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    /// <summary>The PostgreSQL server binaries: PG_BIN if set, else the newest Debian installation.</summary>
    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string debian = "/usr/lib/postgresql";
        var found = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found: install postgresql-15-postgis-3, set PG_BIN, or set CC_TEST_DB to an existing PostGIS database server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
