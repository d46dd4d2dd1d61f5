using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Data;

/// <summary>
/// The partition maintenance orders settled days of positions by place, on real PostGIS and as the app's own role:
/// afterwards one place's fixes share a few pages, where as written they lay spread over the whole day; today's
/// partition, still being written, is never rewritten (nor locked), whatever is asked.
/// </summary>
public class PositionOrderingTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const int Places = 10;
    private const int FixesADay = 3_000;
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ASettledDayIsOrderedByPlaceSoOnePlacesFixesShareAFewPagesAndTodayIsLeftAsWritten()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.AppConnectionString);
        var partitions = Partitions(dataSource);
        var clock = app.Services.GetRequiredService<SiteClock>();
        var today = clock.Today(DateTimeOffset.UtcNow);
        var settled = today.AddDays(-100);
        await partitions.EnsureDayAsync(settled, CancellationToken.None);
        await partitions.EnsureDayAsync(today, CancellationToken.None);
        await WriteInterleavedAsync(clock.StartOfDay(settled));
        await WriteInterleavedAsync(clock.StartOfDay(today));
        var settledBefore = await PagesOfOnePlaceAsync(settled);
        var todayBefore = await PagesOfOnePlaceAsync(today);

        var ordered = new List<string>();
        while (await partitions.ClusterSettledAsync(CancellationToken.None) is { } name)
        {
            ordered.Add(name);
        }

        Assert.Contains($"positions_{settled:yyyyMMdd}", ordered);
        Assert.DoesNotContain($"positions_{today:yyyyMMdd}", ordered);
        Assert.Equal(ordered.Count, ordered.Distinct().Count());
        Assert.True(await IsOrderedAsync(settled));
        Assert.False(await IsOrderedAsync(today));
        var settledAfter = await PagesOfOnePlaceAsync(settled);
        Assert.True(settledAfter * 4 <= settledBefore, $"one place's fixes lay on {settledBefore} pages and now on {settledAfter}");
        Assert.Equal(todayBefore, await PagesOfOnePlaceAsync(today));
        Assert.Equal(FixesADay, await county.CountAsync($"SELECT count(*) FROM positions_{settled:yyyyMMdd}"));
    }

    [Fact]
    public async Task TheAppsRoleCannotClusterAPartitionItselfOnlyThroughTheOwnersFunction()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.AppConnectionString);
        var clock = app.Services.GetRequiredService<SiteClock>();
        var today = clock.Today(DateTimeOffset.UtcNow);
        await Partitions(dataSource).EnsureDayAsync(today, CancellationToken.None);
        var index = await county.ScalarAsync<string>($"""
            SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_inherits h ON h.inhrelid = i.indexrelid AND h.inhparent = 'ix_positions_location'::regclass
            WHERE i.indrelid = 'positions_{today:yyyyMMdd}'::regclass
            """);

        await using var cluster = dataSource.CreateCommand($"CLUSTER positions_{today:yyyyMMdd} USING \"{index}\"");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => cluster.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.False(await IsOrderedAsync(today));
    }

    /// <summary>Fixes a second apart cycling over ten places 5 km apart, as many people's fixes interleave minute by minute.</summary>
    private Task WriteInterleavedAsync(DateTimeOffset dayStart) => county.ExecuteAsync(FormattableString.Invariant($"""
        INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
        SELECT 8000000 + n % {Places}, '{dayStart:O}'::timestamptz + n * interval '1 second', 0, now(),
               ST_SetSRID(ST_MakePoint(101.0 + (n % {Places}) * 0.05 + random() * 0.001, 30.0 + random() * 0.001), 4326), 8
        FROM generate_series(0, {FixesADay - 1}) n
        """));

    /// <summary>The heap pages that hold the fixes of the first place in the day's partition.</summary>
    private Task<long> PagesOfOnePlaceAsync(DateOnly day) => county.CountAsync($"""
        SELECT count(DISTINCT (ctid::text::point)[0]) FROM positions_{day:yyyyMMdd}
        WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint(101.0, 30.0), 4326), 0.01)
        """);

    private async Task<bool> IsOrderedAsync(DateOnly day) => await county.ScalarAsync<bool>($"""
        SELECT i.indisclustered FROM pg_index i
        JOIN pg_inherits h ON h.inhrelid = i.indexrelid AND h.inhparent = 'ix_positions_location'::regclass
        WHERE i.indrelid = 'positions_{day:yyyyMMdd}'::regclass
        """);

    private PositionPartitions Partitions(NpgsqlDataSource dataSource) =>
        new(dataSource, TimeProvider.System, app.Services.GetRequiredService<IOptions<DatabaseOptions>>(),
            app.Services.GetRequiredService<IOptions<RetentionOptions>>(), app.Services.GetRequiredService<SiteClock>(),
            NullLogger<PositionPartitions>.Instance);
}
