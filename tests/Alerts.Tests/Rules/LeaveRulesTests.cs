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

    private static readonly FenceDefinition Destination = new(0, "临沂市区", FenceKind.Inclusion,
        Wkt("POLYGON((117.79 35.49, 117.81 35.49, 117.81 35.51, 117.79 35.51, 117.79 35.49))"), bufferMetres: 500);

    /// <summary>Permit #7: leave to a destination about 9 km east of the county, from now for an hour.</summary>
    private DateTimeOffset GrantLeaveForAnHour()
    {
        var until = scene.Now.AddHours(1);
        Read(new ApprovedLeave(7, scene.Now, until, Destination));
        return until;
    }

    /// <summary>Permit #7 as the loader reads it after a restart: it ended an hour ago, grace and all, while nothing looked.</summary>
    private void ReadLeaveEndedUnseen((double Lon, double Lat)? lastFixByEnd) =>
        Read(new ApprovedLeave(7, scene.Now.AddHours(-3), scene.Now.AddHours(-1), Destination)
        {
            EndedUnseen = true,
            FixByEnd = lastFixByEnd is { } at ? new LastFix(scene.Now.AddHours(-1).AddMinutes(-5), at.Lon, at.Lat, 10) : null,
        });

    private void Read(ApprovedLeave leave)
    {
        var update = scene.Engine.Begin(scene.Now);
        update.UpdateSupervision(1, null, null, [leave]);
        update.Commit();
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

    [Fact]
    public void ALeaveThatEndedUnseenIsJudgedByTheLastFixByItsEndNotByTheNewestFixBackInside()
    {
        scene.Send(scene.Fix(subject, Inside));
        ReadLeaveEndedUnseen(lastFixByEnd: FarOutside);

        var decision = Assert.Single(scene.Tick(TimeSpan.FromSeconds(1)).Decisions, d => d.Key == Overdue && d.Kind == AlertDecisionKind.Raise);
        Assert.Equal(AlertDetail.LeaveOverdueKey, decision.Detail!.Key);
        Assert.Equal("7", decision.Detail.Args[0]);
    }

    [Fact]
    public void ALeaveThatEndedUnseenWithTheSubjectBackByItsEndRaisesNothingAndIsForgotten()
    {
        scene.Send(scene.Fix(subject, FarOutside));
        ReadLeaveEndedUnseen(lastFixByEnd: Inside);

        Assert.DoesNotContain(Overdue, Raised(scene.Tick(TimeSpan.FromSeconds(1))));
        Assert.DoesNotContain(Overdue, Raised(scene.Tick(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void ALeaveThatEndedUnseenWithNoFixByItsEndIsNoReturn()
    {
        scene.Send(scene.Fix(subject, Inside));
        ReadLeaveEndedUnseen(lastFixByEnd: null);

        Assert.Contains(Overdue, Raised(scene.Tick(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void ALeaveReadAgainWithinItsGraceIsStillJudgedAtTheGracesEnd()
    {
        var until = GrantLeaveForAnHour();
        scene.Send(scene.Fix(subject, FarOutside));
        scene.Tick(until - scene.Now + TimeSpan.FromSeconds(5));

        Read(new ApprovedLeave(7, until.AddHours(-1), until, Destination));

        Assert.Contains(Overdue, Raised(scene.Tick(scene.Engine.Options.DwellTime)));
    }
}
