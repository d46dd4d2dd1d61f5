using CommandCenter.Hosting;
using CommandCenter.Ingest;
using CommandCenter.Ingest.Partitions;
using CommandCenter.TestSupport.Postgis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>
/// An owner hears at once that work was handed to one of its partitions, instead of finding it at its next poll:
/// the hand-off's NOTIFY wakes the owner of the partitions it names, at the commit and not before, and no other node.
/// </summary>
public class HandOffWakeUpsTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    private const int Count = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AHandOffWakesTheOwnerOfItsPartitionAtTheCommitAndNoOtherNode()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        var (owner, ownerSignal) = Node(dataSource, partition: 3);
        var (other, otherSignal) = Node(dataSource, partition: 5);
        await owner.StartAsync(CancellationToken.None);
        await other.StartAsync(CancellationToken.None);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await ListeningAsync(connection);

            await using (var transaction = await connection.BeginTransactionAsync())
            {
                // Subject 19 falls in partition 19 mod 16 = 3; word of its changed supervision goes to the owner.
                await HandOffs(dataSource).HandOffAsync(connection, [], [19], CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(300));
                Assert.False(ownerSignal.Raised.IsCompleted, "The owner was woken before the hand-off committed.");
                await transaction.CommitAsync();
            }

            await ownerSignal.Raised.WaitAsync(Patience);
            Assert.True(ownerSignal.Take());
            Assert.False(ownerSignal.Take());

            // A hand-off to a partition of its own reaches the other node; it heard nothing of the first.
            Assert.False(otherSignal.Raised.IsCompleted);
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await HandOffs(dataSource).HandOffAsync(connection, [], [21], CancellationToken.None);
                await transaction.CommitAsync();
            }

            await otherSignal.Raised.WaitAsync(Patience);
            Assert.False(ownerSignal.Raised.IsCompleted);
        }
        finally
        {
            await owner.StopAsync(CancellationToken.None);
            await other.StopAsync(CancellationToken.None);
        }
    }

    private static (HandOffWakeUps WakeUps, HandOffSignal Signal) Node(NpgsqlDataSource dataSource, int partition)
    {
        var partitions = new SubjectPartitions(Options.Create(new IngestOptions { Partitions = Count }));
        partitions.Set([partition]);
        var signal = new HandOffSignal();
        return (new HandOffWakeUps(dataSource, partitions, signal, NullLogger<HandOffWakeUps>.Instance), signal);
    }

    private static HandOffs HandOffs(NpgsqlDataSource dataSource)
    {
        var options = Options.Create(new IngestOptions { Partitions = Count });
        var directory = new DeviceDirectory(dataSource, new SiteClock(Options.Create(new SiteOptions())), TimeProvider.System, options, NullLogger<DeviceDirectory>.Instance);
        return new HandOffs(new SubjectPartitions(options), directory);
    }

    /// <summary>Waits until both nodes LISTEN, so that the notifications sent next are theirs to hear.</summary>
    private static async Task ListeningAsync(NpgsqlConnection connection)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        await using var listeners = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = @listen", connection);
        listeners.Parameters.AddWithValue("listen", $"LISTEN {HandOffWakeUps.Channel}");
        while ((long)(await listeners.ExecuteScalarAsync())! < 2)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The nodes did not start listening.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
