using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;
using static CommandCenter.Alerts.Tests.Support.Scene;

namespace CommandCenter.Alerts.Tests.Rules;

public class DeviceRulesTests
{
    private readonly Scene scene = new(new AlertEngineOptions
    {
        Offline = new OfflineThresholds(
            new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromMinutes(15), [TrackerKind.Phone] = TimeSpan.FromMinutes(60) },
            new Dictionary<(TrackerKind, int), TimeSpan> { [(TrackerKind.Bracelet, 0)] = TimeSpan.FromMinutes(10) }),
    });

    private readonly SubjectFacts bracelet;
    private readonly SubjectFacts phone;
    private readonly SubjectFacts risky;

    public DeviceRulesTests()
    {
        bracelet = scene.Subject(7);
        phone = scene.Subject(8, TrackerKind.Phone);
        risky = scene.Subject(9, risk: 0);
        scene.Load(bracelet, phone, risky);
    }

    [Fact]
    public void LowBatteryIsRaisedOnceAndClearsOnlyWellAboveTheAlarmLevel()
    {
        var low = scene.Send(scene.Fix(bracelet, Inside, battery: 18));
        Assert.Equal([new AlertKey(7, AlertRule.LowBattery)], Raised(low));
        Assert.Equal(AlertDetail.LowBattery(18), low.Decisions[0].Detail);
        Assert.Equal(AlertSeverity.Warning, low.Decisions[0].Severity);

        Assert.Empty(scene.Send(scene.Fix(bracelet, Inside, battery: 15)).Decisions);
        Assert.Empty(scene.Send(scene.Fix(bracelet, Inside, battery: 25)).Decisions);
        Assert.Equal([new AlertKey(7, AlertRule.LowBattery)], Cleared(scene.Send(scene.Fix(bracelet, Inside, battery: 31))));
    }

    [Fact]
    public void ALowBatteryOnTheChargerIsNoAlarmAndChargingClearsOne()
    {
        Assert.Empty(scene.Send(scene.Fix(bracelet, Inside, battery: 10, charging: true)).Decisions);

        scene.Send(scene.Fix(bracelet, Inside, battery: 10, charging: false));

        Assert.Equal([new AlertKey(7, AlertRule.LowBattery)], Cleared(scene.Send(scene.Fix(bracelet, Inside, battery: 11, charging: true))));
    }

    [Fact]
    public void PowerOffIsRaisedAndClearedByTheNextOrdinaryFix()
    {
        Assert.Equal([new AlertKey(7, AlertRule.PowerOff)], Raised(scene.Send(scene.Fix(bracelet, Inside, @event: DeviceEvent.PowerOff))));

        Assert.Equal([new AlertKey(7, AlertRule.PowerOff)], Cleared(scene.Send(scene.Fix(bracelet, Inside))));
    }

    [Fact]
    public void ATamperReportRaisesAtOnceEvenWhenItArrivesLate()
    {
        scene.Send(scene.Fix(bracelet, Inside));
        var transaction = scene.Engine.Begin(scene.Now);

        transaction.Evaluate([scene.Fix(bracelet, Inside, @event: DeviceEvent.Tamper) with { FixTime = scene.Now.AddMinutes(-30) }]);

        var decision = Assert.Single(transaction.Decisions);
        Assert.Equal(new AlertKey(7, AlertRule.Tamper), decision.Key);
        Assert.Equal(AlertSeverity.Critical, decision.Severity);
    }

    [Fact]
    public void SilenceLongerThanTheBraceletsThresholdRaisesOffline()
    {
        scene.Send(scene.Fix(bracelet, Inside), scene.Fix(phone, Inside), scene.Fix(risky, Inside));

        Assert.Equal([new AlertKey(9, AlertRule.Offline)], Raised(scene.Tick(TimeSpan.FromMinutes(11))));
        Assert.Equal([new AlertKey(7, AlertRule.Offline)], Raised(scene.Tick(TimeSpan.FromMinutes(5))));
        Assert.Empty(Raised(scene.Tick(TimeSpan.FromMinutes(30))));
        Assert.Equal([new AlertKey(8, AlertRule.Offline)], Raised(scene.Tick(TimeSpan.FromMinutes(15))));
    }

    [Fact]
    public void AnyContactClearsOffline()
    {
        scene.Send(scene.Fix(bracelet, Inside));
        scene.Tick(TimeSpan.FromMinutes(16));

        var back = scene.Send(scene.Fix(bracelet, Inside));

        Assert.Contains(new AlertKey(7, AlertRule.Offline), Cleared(back));
    }

    [Fact]
    public void NoOfflineAlertIsRaisedForSomebodyWhosePositioningOrderHasEnded()
    {
        var ended = scene.Subject(10, order: new OrderTerm(scene.Today.AddDays(-100), scene.Today.AddDays(-10)));
        scene.Send(scene.Fix(ended, Inside));

        Assert.DoesNotContain(new AlertKey(10, AlertRule.Offline), Raised(scene.Tick(TimeSpan.FromHours(5))));
    }
}
