using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;
using Xunit;

namespace CommandCenter.TestSupport.Cluster;

/// <summary>
/// Several app nodes (real processes of the built app) on loopback, sharing one PostGIS database and one
/// private Redis as SignalR's backplane: what a city or a province runs, small. The first node seeds the
/// demo county; the others start on the seeded database. Ingest is partitioned by subject over the nodes; each
/// node's connections carry its name (<see cref="NodeName"/>), so a test can tell which node holds which partition.
/// Used as a class fixture.
/// </summary>
public class LoopbackCluster : IAsyncLifetime
{
    private readonly List<AppProcess> nodes = [];

    public PostgisDatabase Database { get; } = new();

    public LoopbackRedis Redis { get; private set; } = default!;

    public IReadOnlyList<AppProcess> Nodes => nodes;

    protected virtual int NodeCount => 3;

    protected virtual int Subjects => 60;

    /// <summary>How many partitions the subjects are spread over.</summary>
    public virtual int Partitions => 64;

    /// <summary>The application name of node <paramref name="index"/>'s database connections.</summary>
    public static string NodeName(int index) => $"cluster-node-{index}";

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Redis = await LoopbackRedis.StartAsync();
        try
        {
            nodes.Add(await AppProcess.StartAsync(Database.ConnectionString, Settings(0, seed: true)));
            for (var i = 1; i < NodeCount; i++)
            {
                nodes.Add(await AppProcess.StartAsync(Database.ConnectionString, Settings(i, seed: false)));
            }
        }
        catch
        {
            // xunit does not dispose a fixture that failed to start: the nodes and Redis would outlive the run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills a node with SIGKILL and leaves it dead (<see cref="RestartAsync"/> brings it back).</summary>
    public Task KillAsync(int index) => nodes[index].KillAsync();

    /// <summary>Kills a node with SIGKILL and starts it again on the same port (the same "server").</summary>
    public async Task RestartAsync(int index)
    {
        var port = nodes[index].BaseAddress.Port;
        await nodes[index].DisposeAsync();
        nodes[index] = await AppProcess.StartAsync(Database.ConnectionString, Settings(index, seed: false), port);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(int index, bool seed) => new()
    {
        ["Database:ConnectionString"] = $"{TestDatabaseRoles.AsApp(Database.ConnectionString)};Application Name={NodeName(index)}",
        ["Ingest:Partitions"] = Partitions.ToString(),
        ["Demo:Seed"] = seed ? "true" : "false",
        ["Demo:SubjectCount"] = Subjects.ToString(),
        ["Demo:CameraCount"] = "10",
        ["Demo:Curfews"] = "false",
        ["Demo:DeviceKeySecret"] = CommandCenterApp.DeviceKeySecret,
        ["Live:Redis"] = Redis.Configuration,
        ["Security:SignInRequestsPerMinute"] = "10000",
        // The address a ClusterNginx reaches the nodes from, whose forwarded headers they believe.
        ["Proxy:KnownProxies:0"] = Network.LoopbackNginx.ProxyAddress,
        // The delegation view's frames every second, so a test can count them in a few.
        ["Delegation:FrameInterval"] = "00:00:01",
    };
}
