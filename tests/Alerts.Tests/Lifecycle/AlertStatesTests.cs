using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Tests.Lifecycle;

public class AlertStatesTests
{
    [Theory]
    [InlineData(AlertState.Raised, true)]
    [InlineData(AlertState.Acknowledged, true)]
    [InlineData(AlertState.Dispatched, true)]
    [InlineData(AlertState.OnScene, true)]
    [InlineData(AlertState.Resolved, false)]
    [InlineData(AlertState.Dismissed, false)]
    public void OnlyResolvedAndDismissedAlertsAreClosed(AlertState state, bool open)
    {
        Assert.Equal(open, AlertStates.IsOpen(state));
        Assert.Equal(!open, AlertStates.Closed.Contains(state));
    }
}
