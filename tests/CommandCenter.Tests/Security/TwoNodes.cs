using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Security;

/// <summary>
/// Two app nodes on one database, as a site with a second node runs: only the database is shared, and both judge the
/// subjects by partition, as every node of such a site must (a second node judging alone would stop).
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private const string Partitions = "64";

    public CommandCenterApp First { get; } = new FirstNode();

    public SecondNode Second { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SecondNode(First.AppConnectionString, First.ConnectionString);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }

    public sealed class FirstNode : CommandCenterApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Ingest:Partitions"] = Partitions,
        };
    }

    public sealed class SecondNode(string appConnectionString, string ownerConnectionString) : CommandCenterApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = appConnectionString,
            ["Database:MigrationConnectionString"] = ownerConnectionString,
            ["Ingest:Partitions"] = Partitions,
        };
    }
}
