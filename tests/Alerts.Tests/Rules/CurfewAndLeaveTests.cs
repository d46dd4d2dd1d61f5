using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

public class CurfewAndLeaveTests
{
    private readonly Scene scene = new();
    private readonly SubjectFacts subject;

    public CurfewAndLeaveTests()
    {
        subject = scene.Subject(1);
        scene.Load(subject);
    }

    private void AdvanceTo(int hour, int minute = 0, int second = 0)
    {
        var local = TimeZoneInfo.ConvertTime(scene.Now, Shanghai);
        var target = new DateTimeOffset(local.Year, local.Month, local.Day, hour, minute, second, local.Offset);
        scene.Clock.Advance(target > local ? target - local : target.AddDays(1) - local);
    }

    /// <summary>Permit #5: leave to a destination about 9 km east of the county, from now.</summary>
    private EngineTransaction GrantLeave(DateTimeOffset until)
    {
        var destination = new FenceDefinition(0, "临沂市区", FenceKind.Inclusion,
            Wkt("POLYGON((117.79 35.49, 117.81 35.49, 117.81 35.51, 117.79 35.51, 117.79 35.49))"), bufferMetres: 500);
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateSupervision(1, null, null, [new ApprovedLeave(5, scene.Now, until, destination)]);
        update.Commit();
        return update;
    }

    [Fact]
    public void BeingAwayFromHomeByDayIsNoCurfewBreach()
    {
        Assert.Empty(scene.Send(scene.Fix(subject, Inside)).Transitions);
        Assert.Empty(scene.Send(scene.Fix(subject, Inside)).Decisions);
    }

    [Fact]
    public void ACurfewThatOpensWithTheSubjectAwayIsPendingAndConfirmedAfterTheDwellTime()
    {
        AdvanceTo(21, 59);
        scene.Send(scene.Fix(subject, Inside));

        var opening = scene.Tick(TimeSpan.FromSeconds(55));
        Assert.Equal(new AlertKey(1, AlertRule.Curfew, Home), Assert.Single(opening.Transitions).Key);
        Assert.Empty(opening.Decisions);

        var confirmed = scene.Tick(TimeSpan.FromSeconds(61));
        Assert.Equal([new AlertKey(1, AlertRule.Curfew, Home)], Raised(confirmed));
        Assert.Equal(AlertSeverity.Major, confirmed.Decisions[0].Severity);
    }

    [Fact]
    public void CurfewIsCheckedOnEveryFixNotOnlyOnTransitions()
    {
        AdvanceTo(23);

        scene.Send(scene.Fix(subject, Inside));
        var second = scene.Send(scene.Fix(subject, Inside));

        Assert.Equal([new AlertKey(1, AlertRule.Curfew, Home)], Raised(second));
    }

    [Fact]
    public void BeingHomeDuringTheCurfewIsNoBreach()
    {
        AdvanceTo(23);

        Assert.Empty(scene.Send(scene.Fix(subject, AtHome)).Transitions);
        Assert.Empty(scene.Send(scene.Fix(subject, AtHome)).Decisions);
    }

    [Fact]
    public void TheCurfewEndingClearsItsConditionWithoutAFix()
    {
        AdvanceTo(23);
        scene.Send(scene.Fix(subject, Inside));
        scene.Send(scene.Fix(subject, Inside));
        AdvanceTo(5, 59, 50);

        var morning = scene.Tick(TimeSpan.FromSeconds(15));

        Assert.Equal([new AlertKey(1, AlertRule.Curfew, Home)], Cleared(morning));
    }

    [Fact]
    public void AnApprovedLeaveTurnsACountyExitIntoNoViolation()
    {
        GrantLeave(until: scene.Now.AddDays(2));

        scene.Send(scene.Fix(subject, FarOutside));
        var second = scene.Send(scene.Fix(subject, FarOutside));

        Assert.Empty(second.Decisions);
        Assert.Empty(second.Transitions);
    }

    [Fact]
    public void AFixOutsideThePermittedDestinationIsAViolation()
    {
        GrantLeave(until: scene.Now.AddDays(2));
        var elsewhere = (Lon: 117.95, Lat: 35.70);

        scene.Send(scene.Fix(subject, elsewhere));
        var second = scene.Send(scene.Fix(subject, elsewhere));

        var decision = Assert.Single(second.Decisions);
        Assert.Equal(new AlertKey(1, AlertRule.ZoneExit, null), decision.Key);
        Assert.Equal(AlertDetail.OutsideLeaveDestination(5), decision.Detail);
    }

    [Fact]
    public void ASubjectStillInTheCountyAtTheStartOfTheLeaveIsNoViolation()
    {
        var update = GrantLeave(until: scene.Now.AddDays(2));

        Assert.Empty(update.Transitions);
        Assert.Empty(scene.Send(scene.Fix(subject, Inside)).Transitions);
    }

    [Fact]
    public void AfterTheLeaveEndsACountyExitIsAViolationAgain()
    {
        GrantLeave(until: scene.Now.AddMinutes(5));

        scene.Send(TimeSpan.FromMinutes(6), scene.Fix(subject, FarOutside));
        var second = scene.Send(scene.Fix(subject, FarOutside));

        Assert.Equal([new AlertKey(1, AlertRule.ZoneExit, County)], Raised(second));
    }
}
