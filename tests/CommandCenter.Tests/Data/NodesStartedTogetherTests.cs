using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.TestSupport.Postgis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Data;

/// <summary>
/// The nodes of a site started at one moment (`docker compose up --scale app=3`, a host's reboot) each prepare the
/// database as they start: migrations, the app role's grants, the coming days' partitions. Done at once, PostgreSQL
/// refused one node's GRANT ("tuple concurrently updated") and that node stopped; they take turns.
/// </summary>
public class NodesStartedTogetherTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    private const int Nodes = 8;

    [Fact]
    public async Task EightNodesPreparingTheDatabaseAtOnceAllSucceed()
    {
        var dataSources = Enumerable.Range(0, Nodes).Select(_ => NpgsqlDataSource.Create(database.AppConnectionString)).ToList();
        try
        {
            var starts = dataSources.Select(StartUp).Select(s => s.RunAsync(CancellationToken.None)).ToList();
            var refusals = new List<string>();
            foreach (var start in starts)
            {
                try
                {
                    await start;
                }
                catch (PostgresException refused)
                {
                    refusals.Add(refused.MessageText);
                }
            }

            Assert.Empty(refusals);
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A node waits its turn as long as the node before it takes (a long migration), not the connection's command timeout:
    /// here the turn is held three times as long as that timeout, and the waiting node still gets it when it is let go.
    /// </summary>
    [Fact]
    public async Task ANodeWaitsForItsTurnLongerThanTheCommandTimeout()
    {
        var owner = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, CommandTimeout = 1 }.ConnectionString;
        await using var before = await SchemaTurn.TakeAsync(owner, CancellationToken.None);

        var waiting = SchemaTurn.TakeAsync(owner, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(waiting.IsCompleted, $"the second node stopped waiting while the first held the turn: {waiting.Exception?.InnerException?.Message ?? "it got the turn"}");
        await before.DisposeAsync();

        await using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>What one node runs before it serves, on a data source of its own.</summary>
    private DatabaseStartUp StartUp(NpgsqlDataSource dataSource)
    {
        var options = Options.Create(new DatabaseOptions
        {
            ConnectionString = database.AppConnectionString,
            MigrationConnectionString = database.ConnectionString,
            MigrateOnStart = true,
        });
        var partitions = new PositionPartitions(dataSource, TimeProvider.System, options, Options.Create(new RetentionOptions()),
            new SiteClock(Options.Create(new SiteOptions())), NullLogger<PositionPartitions>.Instance);
        return new DatabaseStartUp(options, dataSource, partitions);
    }
}
