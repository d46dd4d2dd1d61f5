using System.ComponentModel.DataAnnotations;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CommandCenter.Tests.Data;

/// <summary>
/// Retention: the partition maintenance drops the day partitions of positions older than the setting, and the daily
/// movement sums read from them, as the app's own role and on the clock it is given; the audit trail is never among what
/// it drops, and cannot be kept less than a year.
/// </summary>
public class PositionRetentionTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task DaysOlderThanTheRetentionAreDroppedAndYoungerOnesAndTheAuditTrailStay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dataSource = NpgsqlDataSource.Create(app.AppConnectionString);
        var partitions = Partitions(dataSource, clock, positionsDays: 3 * 365);
        var today = app.Services.GetRequiredService<SiteClock>().Today(clock.GetUtcNow());
        var old = today.AddYears(-4);
        var kept = today.AddYears(-2);
        await partitions.EnsureDayAsync(old, CancellationToken.None);
        await partitions.EnsureDayAsync(kept, CancellationToken.None);
        var subject = (await county.VisibleDeviceAsync(3)).SubjectId;
        await SumMovementAsync(subject, old, kept);
        var auditBefore = await county.CountAsync("SELECT count(*) FROM audit_entries");

        var dropped = await partitions.DropExpiredAsync(CancellationToken.None);

        Assert.Contains($"positions_{old:yyyyMMdd}", dropped);
        Assert.DoesNotContain($"positions_{kept:yyyyMMdd}", dropped);
        Assert.Equal(0, await PartitionCountAsync(old));
        Assert.Equal(1, await PartitionCountAsync(kept));
        Assert.Equal(0, await MovementCountAsync(subject, old));
        Assert.Equal(1, await MovementCountAsync(subject, kept));
        Assert.True(await county.CountAsync("SELECT count(*) FROM audit_entries") >= auditBefore);
        Assert.True((await app.Services.GetRequiredService<AuditChainVerifier>().VerifyWithAnchorsAsync()).IsIntact);
    }

    [Fact]
    public async Task AClockRunAheadCannotMakeTheDatabaseDropPositionsYoungerThanAYear()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(5));
        await using var dataSource = NpgsqlDataSource.Create(app.AppConnectionString);
        var partitions = Partitions(dataSource, clock, positionsDays: 3 * 365);
        var recent = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        await partitions.EnsureDayAsync(recent, CancellationToken.None);
        var subject = (await county.VisibleDeviceAsync(4)).SubjectId;
        await SumMovementAsync(subject, recent);

        await Assert.ThrowsAsync<PostgresException>(() => partitions.DropExpiredAsync(CancellationToken.None));

        Assert.Equal(1, await PartitionCountAsync(recent));
        Assert.Equal(1, await MovementCountAsync(subject, recent));
    }

    /// <summary>
    /// The maintenance shares the app's pool with everyone else: it must hand its connection back once and never touch it
    /// again. A reader disposed twice closed, the second time, whatever command had since taken that connection from the
    /// pool, and left that command's answers unread for the next one (a node's start-up failed with "Internal Npgsql bug").
    /// </summary>
    [Fact]
    public async Task DroppingExpiredDaysLeavesTheConnectionsItSharesToOthersIntact()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(app.AppConnectionString) { MaxPoolSize = 2 }.ConnectionString);
        var partitions = Partitions(dataSource, clock, positionsDays: 3 * 365);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        // A command left waiting for answers another took would wait for ever: that, too, fails the test.
        using var hung = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        async Task MaintainAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await partitions.DropExpiredAsync(hung.Token);
            }
        }

        async Task<int> ReadAsync()
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var command = dataSource.CreateCommand("SELECT n FROM generate_series(1, 200) AS n");
                await using var reader = await command.ExecuteReaderAsync(hung.Token);
                var expected = 1;
                while (await reader.ReadAsync(hung.Token))
                {
                    Assert.Equal(expected++, reader.GetInt32(0));
                }

                Assert.Equal(201, expected);
                reads++;
            }

            return reads;
        }

        var reading = ReadAsync();
        await Task.WhenAll(MaintainAsync(), reading);

        Assert.True(await reading > 10, $"only {await reading} reads ran beside the maintenance");
    }

    /// <summary>The audit trail's floor is the law's; the positions' is the database's own, which refuses to drop a younger day.</summary>
    [Theory]
    [InlineData(365, 364, false)]
    [InlineData(364, 365, false)]
    [InlineData(365, 365, true)]
    public void NeitherRetentionSettingGoesBelowAYear(int positionsDays, int auditDays, bool valid)
    {
        var options = new RetentionOptions { PositionsDays = positionsDays, AuditDays = auditDays };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void ASiteThatSetsNothingKeepsPositionsThreeYearsAndTheAuditTrailLonger()
    {
        var retention = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;

        Assert.Equal(1095, retention.PositionsDays);
        Assert.True(retention.AuditDays >= retention.PositionsDays, $"the audit trail is kept {retention.AuditDays} days");
    }

    private PositionPartitions Partitions(NpgsqlDataSource dataSource, TimeProvider clock, int positionsDays) =>
        new(dataSource, clock, app.Services.GetRequiredService<IOptions<DatabaseOptions>>(),
            Options.Create(new RetentionOptions { PositionsDays = positionsDays }), app.Services.GetRequiredService<SiteClock>(),
            NullLogger<PositionPartitions>.Instance);

    private async Task SumMovementAsync(int subjectId, params DateOnly[] days)
    {
        foreach (var day in days)
        {
            await county.ExecuteAsync($"INSERT INTO movement_days (subject_id, day, night_metres, day_metres, fixes) VALUES ({subjectId}, '{day:yyyy-MM-dd}', 100, 900, 60) ON CONFLICT DO NOTHING");
        }
    }

    private Task<long> MovementCountAsync(int subjectId, DateOnly day) =>
        county.CountAsync("SELECT count(*) FROM movement_days WHERE subject_id = @s AND day = @d", ("s", subjectId), ("d", day));

    private Task<long> PartitionCountAsync(DateOnly day) =>
        county.CountAsync("SELECT count(*) FROM pg_class WHERE relname = @name", ("name", $"positions_{day:yyyyMMdd}"));
}
