using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Tests.Lifecycle;

public class SeverityPolicyTests
{
    [Fact]
    public void EveryRuleHasADefaultSeverity()
    {
        var policy = new SeverityPolicy();

        foreach (var rule in Enum.GetValues<AlertRule>())
        {
            Assert.True(Enum.IsDefined(policy.For(rule)));
        }
    }

    [Fact]
    public void RealViolationsOutrankDeviceProblemsByDefault()
    {
        var policy = new SeverityPolicy();

        Assert.True(policy.For(AlertRule.ZoneExit) < policy.For(AlertRule.LowBattery));
        Assert.True(policy.For(AlertRule.ZoneEntry) < policy.For(AlertRule.Offline));
    }

    [Fact]
    public void ASiteOverrideReplacesOnlyTheRuleItNames()
    {
        var policy = new SeverityPolicy(new Dictionary<AlertRule, AlertSeverity> { [AlertRule.LowBattery] = AlertSeverity.Minor });

        Assert.Equal(AlertSeverity.Minor, policy.For(AlertRule.LowBattery));
        Assert.Equal(SeverityPolicy.Defaults[AlertRule.ZoneExit], policy.For(AlertRule.ZoneExit));
    }
}
