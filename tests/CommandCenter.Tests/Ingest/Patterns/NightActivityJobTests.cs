using CommandCenter.Ingest.Patterns;
using CommandCenter.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Patterns;

/// <summary>昼伏夜出 judged from weeks of stored positions on real PostGIS: each day summed once, each person against their own earlier weeks.</summary>
public class NightActivityJobTests(PatternJobApp app) : IClassFixture<PatternJobApp>
{
    /// <summary>About 100 m north, in degrees of latitude.</summary>
    private const double HundredMetres = 0.0009;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly CountyRecords county = new(app.ConnectionString);

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Shanghai).DateTime);

    /// <summary>
    /// A fix every ten minutes of the days 1 to <paramref name="days"/> before today: at home, except in the active hours
    /// of each day, when the person walks 100 m to and fro (about 1.8 km in three hours).
    /// </summary>
    private async Task WalkAsync(TestDevice device, int days, Func<int, int[]> activeHoursDaysAgo)
    {
        var times = new List<DateTimeOffset>();
        var norths = new List<double>();
        for (var ago = 1; ago <= days; ago++)
        {
            var start = new DateTimeOffset(Today.AddDays(-ago).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            var active = activeHoursDaysAgo(ago);
            for (var step = 0; step < 144; step++)
            {
                var at = start.AddMinutes(10 * step);
                times.Add(at.ToUniversalTime());
                norths.Add(active.Contains(at.Hour) && step % 2 == 1 ? HundredMetres : 0);
            }
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
            SELECT @device, u.t, s.id, u.t, ST_Translate(s.home, 0, u.n), 8
            FROM unnest(@times, @norths) AS u(t, n), subjects s WHERE s.id = @subject
            """, connection);
        insert.Parameters.AddWithValue("device", device.DeviceId);
        insert.Parameters.AddWithValue("subject", device.SubjectId);
        insert.Parameters.AddWithValue("times", times.ToArray());
        insert.Parameters.AddWithValue("norths", norths.ToArray());
        await insert.ExecuteNonQueryAsync();
    }

    private Task<long> AlertsAsync(TestDevice device) =>
        county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'NightActivity'", ("s", device.SubjectId));

    [Fact]
    public async Task AWeekOfNightsAfterWeeksOfDaysIsRaisedOnceTheEarlierWeeksAreSummedButANightWorkersUsualWeekIsNot()
    {
        var changed = await county.VisibleDeviceAsync(30);
        var nightWorker = await county.VisibleDeviceAsync(31);
        var newcomer = await county.VisibleDeviceAsync(32);
        await WalkAsync(changed, 28, ago => ago <= 7 ? [23, 0, 1] : [10, 11, 12]);
        await WalkAsync(nightWorker, 28, _ => [23, 0, 1]);
        await WalkAsync(newcomer, 7, _ => [23, 0, 1]);
        var job = app.Services.GetRequiredService<NightActivityJob>();

        // Seven days are summed a run, newest first: the first run has the recent week and nothing to compare it with.
        var first = await job.RunOnceAsync(Now, CancellationToken.None);
        Assert.True(first.Ran);
        Assert.Equal(0, await AlertsAsync(changed));
        var later = new List<PatternRun>();
        for (var run = 0; run < 3; run++)
        {
            later.Add(await job.RunOnceAsync(Now, CancellationToken.None));
        }

        Assert.Equal(1, await AlertsAsync(changed));
        Assert.Equal(1, later.Sum(r => r.Raised));
        Assert.Equal(0, await AlertsAsync(nightWorker));
        Assert.Equal(0, await AlertsAsync(newcomer));
        Assert.Equal("Minor", await county.ScalarAsync<string>("SELECT severity FROM alerts WHERE subject_id = @s AND rule = 'NightActivity'", ("s", changed.SubjectId)));
        Assert.Equal("100,0", await county.ScalarAsync<string>(
            "SELECT concat_ws(',', detail_args->>0, detail_args->>1) FROM alerts WHERE subject_id = @s AND rule = 'NightActivity' AND location IS NULL", ("s", changed.SubjectId)));

        // Each day is summed by the site's calendar: yesterday's walk was all at night, a day of the earlier weeks all by day.
        var yesterday = await county.ScalarAsync<double>("SELECT night_metres FROM movement_days WHERE subject_id = @s AND day = @d", ("s", changed.SubjectId), ("d", Today.AddDays(-1)));
        var earlierNight = await county.ScalarAsync<double>("SELECT night_metres FROM movement_days WHERE subject_id = @s AND day = @d", ("s", changed.SubjectId), ("d", Today.AddDays(-10)));
        var earlierDay = await county.ScalarAsync<double>("SELECT day_metres FROM movement_days WHERE subject_id = @s AND day = @d", ("s", changed.SubjectId), ("d", Today.AddDays(-10)));
        Assert.InRange(yesterday, 1600, 2000);
        Assert.Equal(0, earlierNight);
        Assert.InRange(earlierDay, 1600, 2000);
        Assert.Equal(28, await county.CountAsync("SELECT count(*) FROM movement_days WHERE subject_id = @s", ("s", changed.SubjectId)));

        // Judging again the same day raises nothing new.
        Assert.Equal(0, (await job.RunOnceAsync(Now, CancellationToken.None)).Raised);
        Assert.Equal(1, await AlertsAsync(changed));
    }
}
