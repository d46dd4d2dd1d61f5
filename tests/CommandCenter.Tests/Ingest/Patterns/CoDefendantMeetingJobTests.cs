using CommandCenter.Ingest.Patterns;
using CommandCenter.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Patterns;

/// <summary>同案犯聚集 judged from the stored positions on real PostGIS, raised once however many runs or nodes judge it.</summary>
public class CoDefendantMeetingJobTests(PatternJobApp app) : IClassFixture<PatternJobApp>
{
    /// <summary>About 50 m north, in degrees of latitude.</summary>
    private const double FiftyMetres = 0.00045;

    private readonly CountyRecords county = new(app.ConnectionString);

    private CoDefendantMeetingJob Job => app.Services.GetRequiredService<CoDefendantMeetingJob>();

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>Two subjects whose orders are in force, linked, the second placed at the first one's home.</summary>
    private async Task<(TestDevice First, TestDevice Second)> LinkedPairAsync(int index)
    {
        var first = await county.VisibleDeviceAsync(index);
        var second = await county.VisibleDeviceAsync(index + 1);
        var (low, high) = first.SubjectId < second.SubjectId ? (first.SubjectId, second.SubjectId) : (second.SubjectId, first.SubjectId);
        await county.ExecuteAsync($"INSERT INTO co_defendant_links (subject_id, other_subject_id, linked_by, linked_at) VALUES ({low}, {high}, 'test', now())");
        await county.ExecuteAsync($"UPDATE subjects SET home = (SELECT home FROM subjects WHERE id = {first.SubjectId}) WHERE id = {second.SubjectId}");
        await ForgetSeededFixesAsync(first, second);
        return (first, second);
    }

    /// <summary>The demo seed leaves each person's last fixes where they live their day: the tests place their own.</summary>
    private Task ForgetSeededFixesAsync(TestDevice first, TestDevice second) =>
        county.ExecuteAsync($"DELETE FROM positions WHERE subject_id IN ({first.SubjectId}, {second.SubjectId})");

    /// <summary>Both at one fix a minute for the minutes before now, the second <paramref name="apartDegrees"/> north of the first.</summary>
    private async Task TogetherAsync(TestDevice first, TestDevice second, int minutes, double apartDegrees, int fromMinute = 0)
    {
        for (var m = fromMinute + minutes - 1; m >= fromMinute; m--)
        {
            await county.PlaceAsync(first.SubjectId, (TimeSpan.FromMinutes(m) + TimeSpan.FromSeconds(5), 0, 0));
            await county.PlaceAsync(second.SubjectId, (TimeSpan.FromMinutes(m), apartDegrees, 0));
        }
    }

    private Task<long> AlertsAsync(TestDevice device, bool openOnly = true) => county.CountAsync(
        $"SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'CoDefendantMeeting'{(openOnly ? " AND NOT condition_cleared" : string.Empty)}", ("s", device.SubjectId));

    [Fact]
    public async Task ElevenMinutesWithinFiftyMetresRaisesBothMinorWithoutCoordinatesAndOnlyOnce()
    {
        var (first, second) = await LinkedPairAsync(10);
        await TogetherAsync(first, second, 12, FiftyMetres);

        var run = await Job.RunOnceAsync(Now, CancellationToken.None);
        var again = await Job.RunOnceAsync(Now, CancellationToken.None);

        Assert.True(run.Ran);
        Assert.Equal(2, run.Raised);
        Assert.Equal(0, again.Raised);
        Assert.Equal(1, await AlertsAsync(first));
        Assert.Equal(1, await AlertsAsync(second));
        Assert.Equal(2, await county.CountAsync(
            "SELECT count(*) FROM alerts WHERE subject_id IN (@a, @b) AND rule = 'CoDefendantMeeting' AND severity = 'Minor' AND location IS NULL AND detail_key = 'AlertDetail.CoDefendantMeeting'",
            ("a", first.SubjectId), ("b", second.SubjectId)));
        Assert.Equal(first.SubjectCode, await county.ScalarAsync<string>("SELECT detail_args->>0 FROM alerts WHERE subject_id = @s AND rule = 'CoDefendantMeeting'", ("s", second.SubjectId)));
        Assert.Equal(["200", "10"], (await county.ScalarAsync<string>(
            "SELECT concat_ws(',', detail_args->>1, detail_args->>2) FROM alerts WHERE subject_id = @s AND rule = 'CoDefendantMeeting'", ("s", first.SubjectId))).Split(','));
    }

    [Fact]
    public async Task NineMinutesTogetherOrTwoHundredAndFiftyMetresApartRaiseNothingAndMovingApartEndsTheCondition()
    {
        var (first, second) = await LinkedPairAsync(14);
        await TogetherAsync(first, second, 12, 5 * FiftyMetres, fromMinute: 10);
        await TogetherAsync(first, second, 9, FiftyMetres);

        Assert.Equal(0, (await Job.RunOnceAsync(Now, CancellationToken.None)).Raised);
        Assert.Equal(0, await AlertsAsync(first));

        await TogetherAsync(first, second, 3, FiftyMetres, fromMinute: -3);
        Assert.Equal(2, (await Job.RunOnceAsync(Now.AddMinutes(3), CancellationToken.None)).Raised);

        await TogetherAsync(first, second, 1, 10 * FiftyMetres, fromMinute: -4);
        await Job.RunOnceAsync(Now.AddMinutes(4), CancellationToken.None);
        Assert.Equal(0, await AlertsAsync(first));
        Assert.Equal(1, await AlertsAsync(first, openOnly: false));
    }

    [Fact]
    public async Task TwoRunsAtOnceRaiseOneAlertEachAndARunWhileAnotherNodeHoldsTheLockRaisesNothing()
    {
        var (first, second) = await LinkedPairAsync(18);
        await TogetherAsync(first, second, 12, FiftyMetres);

        await using (var otherNode = new NpgsqlConnection(app.ConnectionString))
        {
            await otherNode.OpenAsync();
            await using var holding = await otherNode.BeginTransactionAsync();
            await using var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", otherNode);
            take.Parameters.AddWithValue("key", Job.LockKey);
            await take.ExecuteNonQueryAsync();

            Assert.False((await Job.RunOnceAsync(Now, CancellationToken.None)).Ran);
            Assert.Equal(0, await AlertsAsync(first));
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Job.RunOnceAsync(Now, CancellationToken.None))));

        Assert.Equal(2, runs.Sum(r => r.Raised));
        Assert.Equal(1, await AlertsAsync(first));
        Assert.Equal(1, await AlertsAsync(second));
    }

    [Fact]
    public async Task APairWhoseOrderIsNotInForceIsNotLookedAt()
    {
        var hidden = await county.HiddenDeviceAsync();
        var visible = await county.VisibleDeviceAsync(22);
        var (low, high) = hidden.SubjectId < visible.SubjectId ? (hidden.SubjectId, visible.SubjectId) : (visible.SubjectId, hidden.SubjectId);
        await county.ExecuteAsync($"INSERT INTO co_defendant_links (subject_id, other_subject_id, linked_by, linked_at) VALUES ({low}, {high}, 'test', now())");
        await county.ExecuteAsync($"UPDATE subjects SET home = (SELECT home FROM subjects WHERE id = {visible.SubjectId}) WHERE id = {hidden.SubjectId}");
        await ForgetSeededFixesAsync(visible, hidden);
        await TogetherAsync(visible, hidden, 12, FiftyMetres);

        await Job.RunOnceAsync(Now, CancellationToken.None);

        Assert.Equal(0, await AlertsAsync(hidden, openOnly: false));
        Assert.Equal(0, await AlertsAsync(visible, openOnly: false));
    }

    [Fact]
    public async Task TheQueryPairsEachFixWithTheOthersNearestInTimeAndMeasuresOnTheSpheroid()
    {
        var (first, second) = await LinkedPairAsync(24);
        await TogetherAsync(first, second, 3, FiftyMetres);
        var subjects = app.Services.GetRequiredService<PatternSubjects>();
        var pairs = await subjects.PairsAsync(await subjects.InForceAsync(Now, CancellationToken.None), CancellationToken.None);
        var pair = pairs.Single(p => p.First.SubjectId == Math.Min(first.SubjectId, second.SubjectId));

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var samples = (await ProximityQuery.SamplesAsync(connection, [pair], Now.AddMinutes(-5), Now, TimeSpan.FromMinutes(3), CancellationToken.None))[(pair.First.SubjectId, pair.Second.SubjectId)];

        // Three fixes each, each paired with the other's five seconds away: 0.00045 degrees of latitude is about 50 m.
        Assert.Equal(6, samples.Count);
        Assert.All(samples, s => Assert.InRange(s.DistanceMetres, 48, 52));
    }
}
