using CommandCenter.Ingest;
using CommandCenter.Ingest.Partitions;
using CommandCenter.TestSupport.Postgis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>
/// Partitions held as session advisory locks on a real PostgreSQL: shared fairly, never twice, freed by a dead session; and
/// the claim that keeps a node judging alone from running beside another, or nodes given different partition counts.
/// </summary>
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

    [Fact]
    public async Task ASecondNodeThatWouldJudgeEverySubjectAloneIsRefusedNamingTheSetting()
    {
        await using var first = await OpenAsync();
        await Alone().JudgeAloneAsync(first, CancellationToken.None);
        await using var second = await OpenAsync();

        var refused = await Assert.ThrowsAsync<ConflictingNodeException>(() => Alone().JudgeAloneAsync(second, CancellationToken.None));

        Assert.Contains("Ingest:Partitions", refused.Message);
    }

    [Fact]
    public async Task PartitionedNodesAreRefusedBesideANodeAloneAndANodeAloneBesideThem()
    {
        await using (var alone = await OpenAsync())
        {
            await Alone().JudgeAloneAsync(alone, CancellationToken.None);
            await Assert.ThrowsAsync<ConflictingNodeException>(() => Nodes.JoinAsync(database.AppConnectionString, 1));
        }

        await using var nodes = await JoinWhenFreeAsync();
        await using var late = await OpenAsync();
        await Assert.ThrowsAsync<ConflictingNodeException>(() => Alone().JudgeAloneAsync(late, CancellationToken.None));
    }

    [Fact]
    public async Task ANodeGivenAnotherNumberOfPartitionsIsRefusedAndKeepsNoClaim()
    {
        await using var nodes = await Nodes.JoinAsync(database.AppConnectionString, 1);
        await using var other = await OpenAsync();
        var leases = new PartitionLeases(new SubjectPartitions(Options.Create(new IngestOptions { Partitions = Count * 2 })), NullLogger<PartitionLeases>.Instance);

        await Assert.ThrowsAsync<ConflictingNodeException>(() => leases.JoinAsync(other, CancellationToken.None));

        await using var locks = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = @pid", other);
        locks.Parameters.AddWithValue("pid", other.ProcessID);
        Assert.Equal(0L, (long)(await locks.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task WhenTheNodeAloneIsGoneAnotherMayJudgeAlone()
    {
        await using (var first = await OpenAsync())
        {
            await Alone().JudgeAloneAsync(first, CancellationToken.None);
        }

        // The server ends a closed session a moment after the client: what a restarted node waits for.
        await using var second = await OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await Alone().JudgeAloneAsync(second, CancellationToken.None);
                break;
            }
            catch (ConflictingNodeException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static PartitionLeases Alone() =>
        new(new SubjectPartitions(Options.Create(new IngestOptions { Partitions = 0 })), NullLogger<PartitionLeases>.Instance);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.AppConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Joins once the sessions of an earlier step have ended on the server.</summary>
    private async Task<Nodes> JoinWhenFreeAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return await Nodes.JoinAsync(database.AppConnectionString, 1);
            }
            catch (ConflictingNodeException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
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
                try
                {
                    await leases.JoinAsync(connection, CancellationToken.None);
                }
                catch
                {
                    await connection.DisposeAsync();
                    await new Nodes(nodes).DisposeAsync();
                    throw;
                }

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
