using CommandCenter.Live.Log;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Npgsql;

namespace CommandCenter.Tests.Live;

public class LiveLogTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ThirtyTwoWritersAtOnceGetNumbersWithoutGapsEvenWhenSomeRollBack()
    {
        var log = new LiveLog(TimeProvider.System);
        var before = await county.ScalarAsync<long>("SELECT seq FROM live_log_counter");
        var committed = await Task.WhenAll(Enumerable.Range(0, 32).Select(async writer =>
        {
            var numbers = new List<long>();
            for (var round = 0; round < 5; round++)
            {
                await using var connection = new NpgsqlConnection(app.AppConnectionString);
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                var taken = await log.AppendAsync(connection, [LiveLogRecord.SettingsChanged, LiveLogRecord.MapChanged], CancellationToken.None);

                // Every third transaction changes its mind: its numbers must go back, not leave a hole.
                if ((writer + round) % 3 == 0)
                {
                    await transaction.RollbackAsync();
                }
                else
                {
                    await transaction.CommitAsync();
                    numbers.AddRange(taken);
                }
            }

            return numbers;
        }));

        // The app itself may append meanwhile (a setting read at start-up, say): its entries share the numbering,
        // so the check is that every committed number is stored and that, up to the counter, none is missing.
        var numbers = committed.SelectMany(n => n).Order().ToList();
        var counter = await county.ScalarAsync<long>("SELECT seq FROM live_log_counter");
        var stored = (await StoredAfterAsync(before)).Where(seq => seq <= counter).ToList();
        Assert.Subset(stored.ToHashSet(), numbers.ToHashSet());
        Assert.Equal(Enumerable.Range(1, (int)(counter - before)).Select(i => before + i), stored);
    }

    private async Task<List<long>> StoredAfterAsync(long after)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq FROM live_log WHERE seq > @after ORDER BY seq", connection);
        command.Parameters.AddWithValue("after", after);
        var seqs = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seqs.Add(reader.GetInt64(0));
        }

        return seqs;
    }
}
