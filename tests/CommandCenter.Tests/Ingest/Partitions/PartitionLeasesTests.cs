using CommandCenter.Ingest;
using CommandCenter.Ingest.Partitions;
using CommandCenter.TestSupport.Postgis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>Partitions held as session advisory locks on a real PostgreSQL: shared fairly, never twice, freed by a dead session.</summary>
public class PartitionLeasesTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    private const int Count = 16;

    [Fact]
    public async Task ThreeNodesShareThePartitionsFairlyAndNoneIsHeldTwice()
    {
        await using var nodes = await Nodes.JoinAsync(database.AppConnectionString, 3);

        await nodes.RebalanceAllAsync(rounds: 3);

        // Each takes at most its share, ⌈16/3⌉ = 6, so the last holds what is left: 6, 6 and 4.
        Assert.Equal(Enumerable.Range(0, Count), nodes.All.SelectMany(n => n.Partitions.Owned).Order());
        Assert.Equal([4, 6, 6], nodes.All.Select(n => n.Partitions.Owned.Count).Order());
    }

    [Fact]
    public async Task TheLeasesOfANodeWhoseSessionEndsAreTakenByTheOthersAtTheirNextTurn()
    {
        await using var nodes = await Nodes.JoinAsync(database.AppConnectionString, 3);
        await nodes.RebalanceAllAsync(rounds: 3);
        var dead = nodes.All[2];
        var orphaned = dead.Partitions.Owned.ToList();

        // What SIGKILL does to a node: its session ends with no word from it.
        await dead.Connection.DisposeAsync();
        foreach (var survivor in nodes.All.Take(2))
        {
            Assert.True(await survivor.Leases.RebalanceAsync(survivor.Connection, CancellationToken.None));
        }

        Assert.Equal(Enumerable.Range(0, Count), nodes.All.Take(2).SelectMany(n => n.Partitions.Owned).Order());
        Assert.All(orphaned, p => Assert.Contains(nodes.All.Take(2), n => n.Partitions.Owns(p)));
    }

    [Fact]
    public async Task ANodeCannotTakeAPartitionAnotherHoldsEvenWhenItAsksForItDirectly()
    {
        await using var nodes = await Nodes.JoinAsync(database.AppConnectionString, 2);
        await nodes.RebalanceAllAsync(rounds: 2);
        var held = nodes.All[0].Partitions.Owned.First();

        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @key)", nodes.All[1].Connection);
        take.Parameters.AddWithValue("space", PartitionLeases.LockSpace);
        take.Parameters.AddWithValue("key", held);

        Assert.False((bool)(await take.ExecuteScalarAsync())!);
        Assert.DoesNotContain(held, nodes.All[1].Partitions.Owned);
    }

    [Fact]
    public async Task ANodeThatJoinsLaterGetsItsShareFromTheNodesThatHeldEverything()
    {
        await using var first = await Nodes.JoinAsync(database.AppConnectionString, 1);
        await first.RebalanceAllAsync(rounds: 1);
        Assert.Equal(Count, first.All[0].Partitions.Owned.Count);

        await using var second = await Nodes.JoinAsync(database.AppConnectionString, 1);
        await first.RebalanceAllAsync(rounds: 1);
        await second.RebalanceAllAsync(rounds: 1);

        Assert.Equal(Count / 2, first.All[0].Partitions.Owned.Count);
        Assert.Equal(Count / 2, second.All[0].Partitions.Owned.Count);
        Assert.Empty(first.All[0].Partitions.Owned.Intersect(second.All[0].Partitions.Owned));
    }

    private sealed record Node(NpgsqlConnection Connection, SubjectPartitions Partitions, PartitionLeases Leases);

    private sealed class Nodes(List<Node> all) : IAsyncDisposable
    {
        public IReadOnlyList<Node> All => all;

        public static async Task<Nodes> JoinAsync(string connectionString, int count)
        {
            // Unpooled, so that disposing a connection ends its session, as a node's death does.
            connectionString += ";Pooling=false";
            var nodes = new List<Node>();
            for (var i = 0; i < count; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                var partitions = new SubjectPartitions(Options.Create(new IngestOptions { Partitions = Count }));
                var leases = new PartitionLeases(partitions, NullLogger<PartitionLeases>.Instance);
                await leases.JoinAsync(connection, CancellationToken.None);
                nodes.Add(new Node(connection, partitions, leases));
            }

            return new Nodes(nodes);
        }

        public async Task RebalanceAllAsync(int rounds)
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var node in all)
                {
                    await node.Leases.RebalanceAsync(node.Connection, CancellationToken.None);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var node in all)
            {
                await node.Connection.DisposeAsync();
            }
        }
    }
}
