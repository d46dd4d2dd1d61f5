using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Tests.Lifecycle;

public class AlertTransitionsTests
{
    [Fact]
    public void TheWholePathRunsFromRaisedToResolved()
    {
        var state = AlertState.Raised;
        foreach (var (action, expected) in new[]
        {
            (AlertAction.Acknowledge, AlertState.Acknowledged),
            (AlertAction.Dispatch, AlertState.Dispatched),
            (AlertAction.ReportOnScene, AlertState.OnScene),
            (AlertAction.Resolve, AlertState.Resolved),
        })
        {
            Assert.True(AlertTransitions.TryApply(state, action, out state, out _));
            Assert.Equal(expected, state);
        }
    }

    [Theory]
    [InlineData(AlertState.Raised, AlertAction.Dispatch, "Acknowledge the alert first.")]
    [InlineData(AlertState.Raised, AlertAction.Resolve, "Acknowledge the alert first.")]
    [InlineData(AlertState.Acknowledged, AlertAction.Acknowledge, "already acknowledged")]
    [InlineData(AlertState.Acknowledged, AlertAction.ReportOnScene, "Only a dispatched alert")]
    [InlineData(AlertState.Resolved, AlertAction.Dismiss, "already closed")]
    [InlineData(AlertState.Dismissed, AlertAction.Acknowledge, "already closed")]
    public void AStepOutOfOrderIsRefusedWithAReason(AlertState from, AlertAction action, string reason)
    {
        Assert.False(AlertTransitions.TryApply(from, action, out var to, out var refusal));
        Assert.Equal(from, to);
        Assert.Contains(reason, refusal);
    }

    [Theory]
    [InlineData(AlertState.Raised)]
    [InlineData(AlertState.Acknowledged)]
    [InlineData(AlertState.Dispatched)]
    [InlineData(AlertState.OnScene)]
    public void AnOpenAlertCanAlwaysBeDismissed(AlertState from)
    {
        Assert.True(AlertTransitions.TryApply(from, AlertAction.Dismiss, out var to, out _));
        Assert.Equal(AlertState.Dismissed, to);
    }

    [Fact]
    public void ADispatchedAlertMayBeSentToAnotherSquadAndResolvedWithoutOne()
    {
        Assert.True(AlertTransitions.TryApply(AlertState.Dispatched, AlertAction.Dispatch, out _, out _));
        Assert.True(AlertTransitions.TryApply(AlertState.Acknowledged, AlertAction.Resolve, out _, out _));
        Assert.Equal([AlertAction.Acknowledge, AlertAction.Dismiss], AlertTransitions.AllowedIn(AlertState.Raised));
    }

    [Fact]
    public void UrgentAlertsEscalateSoonerAndSitesCanChangeTheWait()
    {
        var policy = new EscalationPolicy(new Dictionary<AlertSeverity, TimeSpan> { [AlertSeverity.Minor] = TimeSpan.FromMinutes(10) });
        var raised = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

        Assert.True(policy.WaitFor(AlertSeverity.Critical) < policy.WaitFor(AlertSeverity.Major));
        Assert.Equal(raised.AddMinutes(10), policy.DueAt(AlertSeverity.Minor, raised));
    }
}
