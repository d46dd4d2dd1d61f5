using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Patterns;
using CommandCenter.Alerts.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Alerts.Tests.Patterns;

public class NightActivityJudgementTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly NightActivityThresholds Defaults = new();
    private static readonly PatternSubject Person = new(7, 2, "LY2026007");

    // 00:30 in Shanghai on a Wednesday is still the previous day in UTC: the days must follow the site's calendar.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 0, 30, 0, TimeSpan.FromHours(8)));

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shanghai).DateTime);

    /// <summary>Days counted back from yesterday (1) to <paramref name="lastAgo"/>, each with the same night and day metres.</summary>
    private List<DailyMovement> Days(int firstAgo, int lastAgo, double night, double day) =>
        [.. Enumerable.Range(firstAgo, lastAgo - firstAgo + 1).Select(ago => new DailyMovement(Today.AddDays(-ago), night, day, 300))];

    private NightActivityVerdict Judge(IEnumerable<DailyMovement> days) => NightActivityJudgement.Judge(days, clock.GetUtcNow(), Shanghai, Defaults);

    [Fact]
    public void AWeekMostlyAtNightAfterWeeksMostlyByDayIsThePattern()
    {
        var verdict = Judge([.. Days(1, 7, night: 4000, day: 500), .. Days(8, 28, night: 300, day: 3000)]);

        Assert.Equal(NightActivityVerdictKind.NightPattern, verdict.Kind);
        Assert.Equal(4000.0 / 4500, verdict.RecentNightShare, 6);
        Assert.Equal(300.0 / 3300, verdict.EarlierNightShare, 6);
    }

    [Fact]
    public void ANightWorkerWhoseEarlierWeeksWereAlsoAtNightShowsNoPattern()
    {
        var verdict = Judge([.. Days(1, 7, night: 4000, day: 500), .. Days(8, 28, night: 3500, day: 800)]);

        Assert.Equal(NightActivityVerdictKind.Usual, verdict.Kind);
    }

    [Fact]
    public void ABusierWeekByDayIsNoPattern()
    {
        var verdict = Judge([.. Days(1, 7, night: 400, day: 9000), .. Days(8, 28, night: 300, day: 3000)]);

        Assert.Equal(NightActivityVerdictKind.Usual, verdict.Kind);
    }

    [Fact]
    public void ANightShareJustUnderTheThresholdIsNoPatternAndAtItIsOne()
    {
        var under = Judge([.. Days(1, 7, night: 599, day: 401), .. Days(8, 28, night: 0, day: 1000)]);
        var at = Judge([.. Days(1, 7, night: 600, day: 400), .. Days(8, 28, night: 0, day: 1000)]);

        Assert.Equal(NightActivityVerdictKind.Usual, under.Kind);
        Assert.Equal(NightActivityVerdictKind.NightPattern, at.Kind);
    }

    [Fact]
    public void WithoutEnoughEarlierDaysThereIsNothingToCompareWith()
    {
        var verdict = Judge([.. Days(1, 7, night: 4000, day: 500), .. Days(8, 16, night: 300, day: 3000)]);

        Assert.Equal(NightActivityVerdictKind.NotEnoughData, verdict.Kind);
    }

    [Fact]
    public void FewRecentDaysWithFixesOrLittleMovementAreNotJudged()
    {
        var earlier = Days(8, 28, night: 300, day: 3000);
        var fourDays = Judge([.. Days(1, 4, night: 4000, day: 500), .. earlier]);
        var drift = Judge([.. Days(1, 7, night: 250, day: 20), .. earlier]);
        var silentDays = Judge([.. Days(1, 3, night: 4000, day: 500), .. Days(4, 7, night: 0, day: 0).Select(d => d with { Fixes = 0 }), .. earlier]);

        Assert.Equal(NightActivityVerdictKind.NotEnoughData, fourDays.Kind);
        Assert.Equal(NightActivityVerdictKind.NotEnoughData, drift.Kind);
        Assert.Equal(NightActivityVerdictKind.NotEnoughData, silentDays.Kind);
    }

    [Fact]
    public void TodayIsLeftOutUntilItIsOverAndTheWindowMovesWithTheClock()
    {
        List<DailyMovement> days = [.. Days(1, 7, night: 4000, day: 500), .. Days(8, 28, night: 300, day: 3000), new DailyMovement(Today, 0, 50_000, 500)];
        Assert.Equal(NightActivityVerdictKind.NightPattern, Judge(days).Kind);

        // A day later the busy day is yesterday and weighs in the week.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(NightActivityVerdictKind.Usual, Judge(days).Kind);
    }

    [Fact]
    public void TheRuleRaisesWithBothSharesAndClearsWhenTheRhythmIsUsualAgain()
    {
        var earlier = Days(8, 28, night: 300, day: 3000);
        var raised = NightActivityRule.Decide(Person, [.. Days(1, 7, night: 4000, day: 500), .. earlier], clock.GetUtcNow(), Shanghai, Defaults, AlertSeverity.Minor);
        var usual = NightActivityRule.Decide(Person, [.. Days(1, 7, night: 300, day: 3000), .. earlier], clock.GetUtcNow(), Shanghai, Defaults, AlertSeverity.Minor);
        var unknown = NightActivityRule.Decide(Person, Days(1, 7, night: 4000, day: 500), clock.GetUtcNow(), Shanghai, Defaults, AlertSeverity.Minor);

        Assert.Equal(AlertDecisionKind.Raise, raised!.Kind);
        Assert.Equal(new AlertKey(7, AlertRule.NightActivity), raised.Key);
        Assert.Equal(2, raised.SquadId);
        Assert.Equal(AlertSeverity.Minor, raised.Severity);
        Assert.Equal(AlertDetail.NightActivity(4000.0 / 4500, 300.0 / 3300), raised.Detail);
        Assert.Equal(["89", "9"], raised.Detail!.Args);
        Assert.Null(raised.Latitude);
        Assert.Equal(AlertDecisionKind.ClearCondition, usual!.Kind);
        Assert.Null(unknown);
    }
}
