using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;

namespace CommandCenter.Geo.Tests.Fences;

public class FenceIndexHolderTests
{
    private static readonly FenceSubject Subject = new(1, 1, 1);
    private static readonly DateTimeOffset Noon = Sites.ShanghaiTime(2025, 3, 3, 12);

    [Fact]
    public void AnUpsertedFenceIsLiveInTheNextSnapshot()
    {
        var holder = new FenceIndexHolder(Sites.Shanghai);

        holder.Upsert(Square(1, 118.0));

        Assert.Single(holder.Current.Covering(118.005, 35.005, Subject, Noon));
    }

    [Fact]
    public void UpsertingAnExistingIdReplacesTheFence()
    {
        var holder = new FenceIndexHolder(Sites.Shanghai);
        holder.Upsert(Square(1, 118.0));

        holder.Upsert(Square(1, 118.1));

        Assert.Equal(1, holder.Current.Count);
        Assert.Empty(holder.Current.Covering(118.005, 35.005, Subject, Noon));
        Assert.Single(holder.Current.Covering(118.105, 35.005, Subject, Noon));
    }

    [Fact]
    public void ARemovedFenceIsGoneAndOthersStay()
    {
        var holder = new FenceIndexHolder(Sites.Shanghai);
        holder.ReplaceAll([Square(1, 118.0), Square(2, 118.1)]);

        holder.Remove(1);

        Assert.Equal([2], holder.Current.Fences.Select(f => f.Id));
    }

    [Fact]
    public void AReaderKeepsTheSnapshotItTookWhileAWriterSwaps()
    {
        var holder = new FenceIndexHolder(Sites.Shanghai);
        holder.Upsert(Square(1, 118.0));
        var snapshot = holder.Current;

        holder.Remove(1);

        Assert.Single(snapshot.Covering(118.005, 35.005, Subject, Noon));
        Assert.Empty(holder.Current.Covering(118.005, 35.005, Subject, Noon));
    }

    [Fact]
    public async Task ReadersNeverSeeAHalfBuiltIndexWhileWritersChangeFences()
    {
        var holder = new FenceIndexHolder(Sites.Shanghai);
        holder.ReplaceAll([Square(1, 118.0)]);
        int readersDone = 0;

        // Every snapshot holds fence 1 plus a varying other fence, so every read must find fence 1.
        var writer = Task.Factory.StartNew(() =>
        {
            for (int i = 2; Volatile.Read(ref readersDone) < 2; i++)
            {
                holder.ReplaceAll([Square(1, 118.0), Square(i, 118.0 + (i % 10) * 0.02)]);
            }
        }, TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var verdict = new FenceVerdict();
            try
            {
                for (int read = 0; read < 20_000; read++)
                {
                    holder.Current.Evaluate(118.005, 35.005, Subject, Noon, verdict);
                    Assert.Contains(verdict.Inside, f => f.Id == 1);
                }
            }
            finally
            {
                Interlocked.Increment(ref readersDone);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll([.. readers, writer]);
        Assert.True(holder.Current.Count == 2);
    }

    private static FenceDefinition Square(int id, double west) =>
        new(id, $"square {id}", FenceKind.Exclusion, Wkt.Read(FormattableString.Invariant(
            $"POLYGON(({west} 35, {west + 0.01} 35, {west + 0.01} 35.01, {west} 35.01, {west} 35))")));
}
