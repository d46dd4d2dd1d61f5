using CommandCenter.Wall;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;

namespace CommandCenter.Tests.Wall;

public class OpenAlertListTests
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 1, 4, 0, 0, TimeSpan.Zero);

    private static AlertMessage Alert(long id, long sequence, AlertState state = AlertState.Raised, int minutes = 0) =>
        new(sequence, id, 7, "PY20240007", AlertRule.ZoneExit, AlertSeverity.Critical, state, null, null, 1, "第一中队",
            Noon.AddMinutes(minutes), null, null);

    [Fact]
    public void AnAlertHeardLiveAndReadFromTheDatabaseIsShownOnce()
    {
        var list = new OpenAlertList(10);

        list.Apply(Alert(1, sequence: 5));
        list.ApplyAll([Alert(1, sequence: 4), Alert(2, sequence: 4, minutes: -5)]);

        Assert.Equal([1L, 2L], list.Items.Select(a => a.AlertId));
    }

    [Fact]
    public void AnOlderMessageDoesNotUndoANewerOne()
    {
        var list = new OpenAlertList(10);

        list.Apply(Alert(1, sequence: 9, AlertState.Dispatched));
        list.Apply(Alert(1, sequence: 3, AlertState.Raised));
        Assert.Equal(AlertState.Dispatched, list.Items.Single().State);

        list.Apply(Alert(1, sequence: 10, AlertState.Resolved));
        list.Apply(Alert(1, sequence: 8, AlertState.Dispatched));
        Assert.Empty(list.Items);
    }

    [Fact]
    public void TheNewestRaisedComesFirstAndTheOldestLeavesWhenTheListIsFull()
    {
        var list = new OpenAlertList(2);

        list.ApplyAll([Alert(1, 1, minutes: 0), Alert(3, 3, minutes: 10), Alert(2, 2, minutes: 5)]);

        Assert.Equal([3L, 2L], list.Items.Select(a => a.AlertId));
    }
}
