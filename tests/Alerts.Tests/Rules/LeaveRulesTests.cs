using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

public class LeaveRulesTests
{
    private static readonly AlertKey Overdue = new(1, AlertRule.LeaveOverdue, null);

    private readonly Scene scene = new();
    private readonly SubjectFacts subject;

    public LeaveRulesTests()
    {
        subject = scene.Subject(1);
        scene.Load(subject);
    }

    /// <summary>Permit #7: leave to a destination about 9 km east of the county, from now for an hour.</summary>
    private DateTimeOffset GrantLeaveForAnHour()
    {
        var destination = new FenceDefinition(0, "临沂市区", FenceKind.Inclusion,
            Wkt("POLYGON((117.79 35.49, 117.81 35.49, 117.81 35.51, 117.79 35.51, 117.79 35.49))"), bufferMetres: 500);
        var until = scene.Now.AddHours(1);
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateSupervision(1, null, null, [new ApprovedLeave(7, scene.Now, until, destination)]);
        update.Commit();
        return until;
    }

    [Fact]
    public void StillAwayWhenTheLeaveEndsRaisesLeaveOverdueOnlyAfterTheDebouncesGraceAndOnce()
    {
        var until = GrantLeaveForAnHour();
        scene.Send(scene.Fix(subject, FarOutside));

        Assert.DoesNotContain(Overdue, Raised(scene.Tick(until - scene.Now)));
        Assert.DoesNotContain(Overdue, Raised(scene.Tick(scene.Engine.Options.DwellTime - TimeSpan.FromSeconds(1))));

        var overdue = scene.Tick(TimeSpan.FromSeconds(1));
        var decision = Assert.Single(overdue.Decisions, d => d.Key == Overdue);
        Assert.Equal(AlertSeverity.Major, decision.Severity);
        Assert.Equal(AlertDetail.LeaveOverdue(7, TimeZoneInfo.ConvertTime(until, Shanghai)), decision.Detail);
        Assert.DoesNotContain(Overdue, Raised(scene.Tick(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void AFixBackInsideTheCountyBeforeTheEndRaisesNothing()
    {
        var until = GrantLeaveForAnHour();
        scene.Send(scene.Fix(subject, FarOutside));
        scene.Send(TimeSpan.FromMinutes(50), scene.Fix(subject, Inside));

        Assert.DoesNotContain(Overdue, Raised(scene.Tick(until - scene.Now + TimeSpan.FromMinutes(2))));
    }

    [Fact]
    public void AFixJustOutsideTheCountyLineWithinItsAccuracyCountsAsBack()
    {
        var until = GrantLeaveForAnHour();
        scene.Send(scene.Fix(subject, JustOutside, accuracy: 500));

        Assert.DoesNotContain(Overdue, Raised(scene.Tick(until - scene.Now + TimeSpan.FromMinutes(2))));
    }

    [Fact]
    public void NoFixSinceTheLeaveBeganIsNoReturn()
    {
        var until = GrantLeaveForAnHour();

        Assert.Contains(Overdue, Raised(scene.Tick(until - scene.Now + TimeSpan.FromMinutes(2))));
    }

    [Fact]
    public void TheFirstFixBackInsideEndsTheCondition()
    {
        var until = GrantLeaveForAnHour();
        scene.Send(scene.Fix(subject, FarOutside));
        scene.Tick(until - scene.Now + TimeSpan.FromMinutes(2));

        scene.Send(TimeSpan.FromHours(3), scene.Fix(subject, Inside));

        Assert.Contains(Overdue, Cleared(scene.Tick(TimeSpan.FromSeconds(1))));
        Assert.DoesNotContain(new RuleKey(AlertRule.LeaveOverdue, null), scene.Engine.ActiveOf(1));
    }
}
