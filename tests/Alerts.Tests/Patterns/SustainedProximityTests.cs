using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Patterns;
using CommandCenter.Alerts.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Alerts.Tests.Patterns;

public class SustainedProximityTests
{
    private static readonly ProximityThresholds Defaults = new();
    private static readonly PatternSubject Ann = new(1, 1, "LY2026001");
    private static readonly PatternSubject Bo = new(2, 3, "LY2026002");
    private static readonly PatternSubject Cai = new(3, 3, "LY2026003");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.FromHours(8)));

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>One sample a minute, the last one now, at the given distances in order.</summary>
    private List<ProximitySample> EveryMinute(params double[] distances) =>
        [.. distances.Select((d, i) => new ProximitySample(Now.AddMinutes(i + 1 - distances.Length), d))];

    private ProximityVerdict Judge(IEnumerable<ProximitySample> samples) => SustainedProximity.Judge(samples, Now, Defaults);

    [Fact]
    public void TenMinutesWithinTwoHundredMetresIsAMeeting()
    {
        var verdict = Judge(EveryMinute(500, 150, 120, 90, 60, 40, 50, 80, 110, 130, 190, 170));

        Assert.Equal(ProximityVerdictKind.Meeting, verdict.Kind);
        Assert.Equal(Now.AddMinutes(-10), verdict.Since);
    }

    [Fact]
    public void NineMinutesCloseIsNotYetAMeeting()
    {
        var verdict = Judge(EveryMinute(500, 150, 120, 90, 60, 40, 50, 80, 110, 130));

        Assert.Equal(ProximityVerdictKind.Close, verdict.Kind);
    }

    [Fact]
    public void OneSampleBeyondTheDistanceBreaksTheStretch()
    {
        var verdict = Judge(EveryMinute(100, 100, 100, 100, 100, 201, 100, 100, 100, 100, 100, 100));

        Assert.Equal(ProximityVerdictKind.Close, verdict.Kind);
        Assert.Equal(Now.AddMinutes(-5), verdict.Since);
    }

    [Fact]
    public void ASilenceLongerThanTheGapBreaksTheStretch()
    {
        List<ProximitySample> samples = [.. EveryMinute(100, 100, 100, 100, 100, 100).Select(s => s with { At = s.At.AddMinutes(-10) }), .. EveryMinute(100, 100, 100, 100, 100)];

        Assert.Equal(ProximityVerdictKind.Close, Judge(samples).Kind);
        Assert.Equal(ProximityVerdictKind.Meeting, Judge(EveryMinute(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)).Kind);
    }

    [Fact]
    public void AMeetingLongOverOrWithoutRecentFixesSaysNothingAboutNow()
    {
        var together = EveryMinute(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(ProximityVerdictKind.Meeting, Judge(together).Kind);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ProximityVerdictKind.Unknown, Judge(together).Kind);
        Assert.Equal(ProximityVerdictKind.Unknown, Judge([]).Kind);
    }

    [Fact]
    public void BeingApartNowEndsItEvenAfterALongMeeting()
    {
        Assert.Equal(ProximityVerdictKind.Apart, Judge(EveryMinute(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 250)).Kind);
    }

    [Fact]
    public void BothOfAMeetingPairAreRaisedNamingTheOtherAndClearedWhenApart()
    {
        var meeting = EveryMinute(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        var raised = CoDefendantMeetingRule.Decide([new CoDefendantPair(Ann, Bo, meeting)], Now, Defaults, AlertSeverity.Minor);

        Assert.Equal([new AlertKey(1, AlertRule.CoDefendantMeeting), new AlertKey(2, AlertRule.CoDefendantMeeting)], raised.Select(d => d.Key));
        Assert.All(raised, d => Assert.Equal(AlertDecisionKind.Raise, d.Kind));
        Assert.Equal(AlertDetail.CoDefendantMeeting("LY2026002", 200, TimeSpan.FromMinutes(10)), raised[0].Detail);
        Assert.Equal(["LY2026001", "200", "10"], raised[1].Detail!.Args);
        Assert.Equal([1, 3], raised.Select(d => d.SquadId));
        Assert.All(raised, d => Assert.Null(d.Latitude));

        var apart = CoDefendantMeetingRule.Decide([new CoDefendantPair(Ann, Bo, EveryMinute(100, 100, 900))], Now, Defaults, AlertSeverity.Minor);
        Assert.All(apart, d => Assert.Equal(AlertDecisionKind.ClearCondition, d.Kind));
        Assert.Equal(2, apart.Count);
    }

    [Fact]
    public void OneCoDefendantLeavingDoesNotClearAMeetingWithAnother()
    {
        var meeting = EveryMinute(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        var decisions = CoDefendantMeetingRule.Decide(
            [new CoDefendantPair(Ann, Bo, EveryMinute(100, 900)), new CoDefendantPair(Ann, Cai, meeting)], Now, Defaults, AlertSeverity.Minor);

        Assert.Contains(decisions, d => d.Key.SubjectId == 1 && d.Kind == AlertDecisionKind.Raise && d.Detail!.Args[0] == "LY2026003");
        Assert.Contains(decisions, d => d.Key.SubjectId == 2 && d.Kind == AlertDecisionKind.ClearCondition);
        Assert.Contains(decisions, d => d.Key.SubjectId == 3 && d.Kind == AlertDecisionKind.Raise);
        Assert.Equal(3, decisions.Count);
    }

    [Fact]
    public void ClosePairsAndPairsWithoutRecentFixesChangeNothing()
    {
        var decisions = CoDefendantMeetingRule.Decide(
            [new CoDefendantPair(Ann, Bo, EveryMinute(100, 100, 100)), new CoDefendantPair(Ann, Cai, [])], Now, Defaults, AlertSeverity.Minor);

        Assert.Empty(decisions);
    }
}
