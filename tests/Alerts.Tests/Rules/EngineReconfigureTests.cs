using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tests.Support;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Tests.Rules;

public class EngineReconfigureTests
{
    private readonly Scene scene = new();

    [Fact]
    public void AShorterOfflineThresholdTakenWhileRunningRaisesOfflineAtTheNextTick()
    {
        var bracelet = scene.Subject(7);
        scene.Load(bracelet);
        scene.Send(scene.Fix(bracelet, Scene.Inside));
        Assert.Empty(scene.Tick(TimeSpan.FromMinutes(6)).Decisions);

        scene.Engine.Reconfigure(new SeverityPolicy(), new AlertEngineOptions
        {
            Offline = new OfflineThresholds(new Dictionary<TrackerKind, TimeSpan> { [TrackerKind.Bracelet] = TimeSpan.FromMinutes(5) }),
        });

        var tick = scene.Tick(TimeSpan.FromSeconds(1));
        Assert.Contains(tick.Decisions, d => d.Kind == AlertDecisionKind.Raise && d.Key == new AlertKey(7, AlertRule.Offline));
    }

    [Fact]
    public void ChangedSeveritiesApplyToTheNextAlertRaised()
    {
        var bracelet = scene.Subject(7);
        scene.Load(bracelet);
        scene.Engine.Reconfigure(new SeverityPolicy(new Dictionary<AlertRule, AlertSeverity> { [AlertRule.LowBattery] = AlertSeverity.Major }), new AlertEngineOptions());

        var low = scene.Send(scene.Fix(bracelet, Scene.Inside, battery: 10));

        Assert.Equal(AlertSeverity.Major, Assert.Single(low.Decisions).Severity);
    }

    [Fact]
    public void ASettingThatNoFixCouldConfirmIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => scene.Engine.Reconfigure(new SeverityPolicy(), new AlertEngineOptions { ConfirmationFixes = 0 }));
}
