using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

public class EngineLoadTests
{
    private readonly Scene scene = new();

    [Fact]
    public void ASubjectStillOutsideWithAnOpenAlertIsNotAlertedAgainAfterARestart()
    {
        var subject = scene.Subject(7);
        var load = scene.Load(new SubjectSnapshot(subject)
        {
            LastFix = new LastFix(scene.Now.AddSeconds(-30), FarOutside.Lon, FarOutside.Lat, 10),
            OpenConditions = [new RuleKey(AlertRule.ZoneExit, County)],
        });

        Assert.Empty(load.Decisions);
        Assert.Empty(scene.Send(scene.Fix(subject, FarOutside)).Decisions);
    }

    [Fact]
    public void ACrossingPendingBeforeARestartIsConfirmedByTheNextFixAfterIt()
    {
        var subject = scene.Subject(7);
        var load = scene.Load(new SubjectSnapshot(subject) { LastFix = new LastFix(scene.Now.AddSeconds(-30), FarOutside.Lon, FarOutside.Lat, 10) });

        Assert.Equal(TransitionChange.Started, Assert.Single(load.Transitions).Change);
        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Raised(scene.Send(scene.Fix(subject, FarOutside))));
    }

    [Fact]
    public void AnOpenConditionWhoseSubjectIsBackIsClearedAtLoad()
    {
        var load = scene.Load(new SubjectSnapshot(scene.Subject(7))
        {
            LastFix = new LastFix(scene.Now.AddSeconds(-30), Inside.Lon, Inside.Lat, 10),
            OpenConditions = [new RuleKey(AlertRule.ZoneExit, County)],
        });

        Assert.Equal([new AlertKey(7, AlertRule.ZoneExit, County)], Cleared(load));
    }

    [Fact]
    public void AnOrderReminderAlreadyGivenIsNotRepeatedAfterARestart()
    {
        var subject = scene.Subject(7, order: new OrderTerm(scene.Today.AddDays(-80), scene.Today.AddDays(5)));
        scene.Load(new SubjectSnapshot(subject) { LastContact = scene.Now, LastOrderExpiryAlert = scene.Now.AddDays(-1) });

        Assert.Empty(Raised(scene.Tick(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void AMissedCheckInAlreadyAlertedIsNotRepeatedAfterARestart()
    {
        var cadence = new CheckInCadence(scene.Today.AddDays(-1), 7, new TimeOnly(9, 0));
        scene.Load(new SubjectSnapshot(scene.Subject(7)) { LastContact = scene.Now, CheckIns = cadence, LastMissedCheckInAlert = scene.Now.AddHours(-20) });

        Assert.Empty(Raised(scene.Tick(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void ASubjectNeverHeardFromIsSilentSinceTheLoad()
    {
        scene.Load(new SubjectSnapshot(scene.Subject(7)));

        Assert.Empty(Raised(scene.Tick(TimeSpan.FromMinutes(14))));
        Assert.Equal([new AlertKey(7, AlertRule.Offline)], Raised(scene.Tick(TimeSpan.FromMinutes(2))));
    }
}
