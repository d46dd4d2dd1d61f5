using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo;
using CommandCenter.Geo.Fences;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

public class PlaceRulesTests
{
    private readonly Scene scene = new();
    private readonly SubjectFacts subject;

    public PlaceRulesTests()
    {
        subject = scene.Subject(7);
        scene.Load(subject, scene.Subject(1));
    }

    [Fact]
    public void ASingleFixOutsideIsOnlyAPendingExitThatTheWallIsToldAbout()
    {
        var first = scene.Send(scene.Fix(subject, FarOutside));

        Assert.Empty(first.Decisions);
        var notice = Assert.Single(first.Transitions);
        Assert.Equal(TransitionChange.Started, notice.Change);
        Assert.Equal(new AlertKey(7, AlertRule.ZoneExit, County), notice.Key);
        Assert.True(scene.Engine.IsPending(7));
    }

    [Fact]
    public void AnExitIsConfirmedAfterTwoFixesOutsideTheBuffer()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        var second = scene.Send(scene.Fix(subject, FarOutside));

        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Raised(second));
        Assert.Equal(TransitionChange.Confirmed, Assert.Single(second.Transitions).Change);
        var decision = second.Decisions[0];
        Assert.Equal(AlertSeverity.Critical, decision.Severity);
        Assert.Equal(FarOutside.Lon, decision.Longitude);
        Assert.Equal(0, decision.FixIndex);
        Assert.False(scene.Engine.IsPending(7));
    }

    [Fact]
    public void AFixBackInsideCancelsAPendingExit()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        var back = scene.Send(scene.Fix(subject, Inside));

        Assert.Empty(back.Decisions);
        Assert.Equal(TransitionChange.Cancelled, Assert.Single(back.Transitions).Change);
        Assert.Empty(Raised(scene.Send(scene.Fix(subject, FarOutside))));
    }

    [Fact]
    public void AnExitIsConfirmedByDwellTimeWhenNoSecondFixArrives()
    {
        scene.Send(scene.Fix(subject, FarOutside));

        Assert.Empty(Raised(scene.Tick(TimeSpan.FromSeconds(30))));
        var later = scene.Tick(TimeSpan.FromSeconds(31));

        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Raised(later));
        Assert.Equal(-1, later.Decisions[0].FixIndex);
    }

    [Fact]
    public void TwoFixesInOneBatchAreReadInTimeOrderAndConfirmTheExit()
    {
        var transaction = scene.Engine.Begin(scene.Now);
        transaction.Evaluate(
        [
            scene.Fix(subject, FarOutside) with { FixTime = scene.Now.AddSeconds(-5) },
            scene.Fix(subject, FarOutside) with { FixTime = scene.Now.AddSeconds(-10) },
        ]);

        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Raised(transaction));
        Assert.Equal(0, transaction.Decisions[0].FixIndex);
    }

    [Fact]
    public void AFixBeyondTheBufferButWithinItsAccuracyOfTheEdgeNeitherAdvancesNorCancels()
    {
        scene.Send(scene.Fix(subject, FarOutside));

        var vague = scene.Send(scene.Fix(subject, JustOutside, accuracy: 500));

        Assert.Empty(vague.Decisions);
        Assert.Empty(vague.Transitions);
        Assert.True(scene.Engine.IsPending(7));
        Assert.Single(Raised(scene.Send(scene.Fix(subject, JustOutside, accuracy: 50))));
    }

    [Fact]
    public void AFixInsideTheBufferIsNoCrossing()
    {
        var withinBuffer = (Lon: 117.7011, Lat: 35.50);

        var transaction = scene.Send(scene.Fix(subject, withinBuffer));

        Assert.Empty(transaction.Transitions);
    }

    [Fact]
    public void ReturningInsideClearsTheConditionAndRaisesNothing()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        scene.Send(scene.Fix(subject, FarOutside));

        var back = scene.Send(scene.Fix(subject, Inside));

        Assert.Empty(Raised(back));
        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Cleared(back));
    }

    [Fact]
    public void StayingOutsideRaisesOnlyOnce()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        scene.Send(scene.Fix(subject, FarOutside));

        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(scene.Send(scene.Fix(subject, FarOutside)).Decisions);
        }
    }

    [Fact]
    public void AnOlderFixCountsAsContactButDoesNotMoveTheSubjectBack()
    {
        scene.Send(scene.Fix(subject, Inside));
        var transaction = scene.Engine.Begin(scene.Now);

        transaction.Evaluate([scene.Fix(subject, FarOutside) with { FixTime = scene.Now.AddMinutes(-5) }]);

        Assert.Empty(transaction.Transitions);
    }

    [Fact]
    public void EnteringAnExclusionZoneIsConfirmedAfterTwoFixes()
    {
        Assert.Empty(Raised(scene.Send(scene.Fix(subject, InSchool))));

        Assert.Equal([new AlertKey(7, AlertRule.ZoneEntry, School)], Raised(scene.Send(scene.Fix(subject, InSchool))));
    }

    [Fact]
    public void AnEntryWhoseAccuracyCircleReachesOutOfTheZoneIsUncertain()
    {
        scene.Send(scene.Fix(subject, InSchool, accuracy: 500));
        var second = scene.Send(scene.Fix(subject, InSchool, accuracy: 500));

        Assert.Empty(second.Decisions);
        Assert.Empty(second.Transitions);
    }

    [Fact]
    public void AnImmediateFenceAlertsOnTheFirstFixAndOnlyForTheSubjectItBans()
    {
        var banned = scene.Subject(1);

        var transaction = scene.Send(scene.Fix(banned, AtVictimHome), scene.Fix(subject, AtVictimHome));

        Assert.Equal([new AlertKey(1, AlertRule.ZoneEntry, VictimHome)], Raised(transaction));
    }

    [Fact]
    public void NothingIsRememberedUntilCommitted()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        var failedWrite = scene.Engine.Begin(scene.Now.AddSeconds(10));
        failedWrite.Evaluate([scene.Fix(subject, FarOutside) with { FixTime = scene.Now.AddSeconds(10) }]);
        Assert.Single(Raised(failedWrite));

        var resent = scene.Send(scene.Fix(subject, FarOutside));

        Assert.Single(Raised(resent));
    }

    [Fact]
    public void AUnitOfWorkBegunBeforeAnotherWasCommittedCannotBeCommitted()
    {
        var stale = scene.Engine.Begin(scene.Now);
        scene.Send(scene.Fix(subject, Inside));

        Assert.Throws<InvalidOperationException>(stale.Commit);
    }

    [Fact]
    public void ChangingTheFencesMakesTheNextTickLookAgainAtWhoIsInViolation()
    {
        scene.Send(scene.Fix(subject, InSchool));
        scene.Send(scene.Fix(subject, InSchool));

        scene.Fences.Remove(School);
        var tick = scene.Tick(TimeSpan.FromSeconds(1));

        Assert.Equal([new AlertKey(7, AlertRule.ZoneEntry, School)], Cleared(tick));
    }
}
