using CommandCenter.AlertLog;
using CommandCenter.AlertDesk;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Subjects.Tracks;

namespace CommandCenter.Tests.AlertDesk;

public class AlertQueueTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private static AlertMessage Alert(long id, long sequence = 1, AlertState state = AlertState.Raised, AlertSeverity severity = AlertSeverity.Major,
        int squad = 1, int? dispatched = null, int minutesAgo = 0, double? latitude = null) =>
        new(sequence, id, (int)id, $"SQ-{id}", AlertRule.ZoneExit, severity, state, null, null, squad, $"squad {squad}", Noon.AddMinutes(-minutesAgo), latitude, latitude is null ? null : 117.9)
        {
            DispatchedSquadId = dispatched,
        };

    private static long[] Ids(AlertQueue queue) => [.. queue.Items.Select(a => a.AlertId)];

    [Fact]
    public void AnAlertThatChangesKeepsOneLineAndLeavesTheOpenQueueWhenClosed()
    {
        var queue = new AlertQueue(new QueueFilter(), 10);
        queue.Load([Alert(1), Alert(2, minutesAgo: 1)]);

        Assert.True(queue.Apply(Alert(1, sequence: 5, state: AlertState.Acknowledged)));
        Assert.True(queue.Apply(Alert(1, sequence: 6, state: AlertState.Dispatched, dispatched: 2)));
        Assert.Equal([2, 1], Ids(queue));
        Assert.Equal(AlertState.Dispatched, queue.Items.Single(a => a.AlertId == 1).State);

        Assert.True(queue.Apply(Alert(1, sequence: 7, state: AlertState.Resolved)));
        Assert.Equal([2], Ids(queue));
    }

    [Fact]
    public void AnOlderWordAboutAnAlertDoesNotUndoANewerOne()
    {
        var queue = new AlertQueue(new QueueFilter(), 10);
        queue.Apply(Alert(1, sequence: 9, state: AlertState.Acknowledged));

        Assert.False(queue.Apply(Alert(1, sequence: 8, state: AlertState.Raised)));
        Assert.Equal(AlertState.Acknowledged, Assert.Single(queue.Items).State);
    }

    [Fact]
    public void UnansweredAlertsComeFirstTheMostSevereOnTopThenTheRestNewestFirst()
    {
        var queue = new AlertQueue(new QueueFilter(), 10);
        queue.Load([
            Alert(1, state: AlertState.Acknowledged, minutesAgo: 0),
            Alert(2, severity: AlertSeverity.Minor, minutesAgo: 1),
            Alert(3, severity: AlertSeverity.Critical, minutesAgo: 5),
            Alert(4, state: AlertState.Dispatched, minutesAgo: 3),
            Alert(5, severity: AlertSeverity.Critical, minutesAgo: 2),
        ]);

        Assert.Equal([5, 3, 2, 1, 4], Ids(queue));
    }

    [Fact]
    public void ASquadsQueueHoldsItsAreasAlertsAndThoseItWasSentTo()
    {
        var queue = new AlertQueue(new QueueFilter(SquadId: 2), 10);
        queue.Load([Alert(1, squad: 1), Alert(2, squad: 2), Alert(3, squad: 1, state: AlertState.Dispatched, dispatched: 2)]);

        Assert.Equal([2, 3], Ids(queue));
        Assert.False(queue.Apply(Alert(4, squad: 3)));
    }

    [Fact]
    public void AStateFilterCanShowClosedAlertsAndOnlyThose()
    {
        var resolved = new QueueFilter(State: AlertState.Resolved);
        var open = new QueueFilter();

        Assert.True(resolved.Admits(Alert(1, state: AlertState.Resolved)));
        Assert.False(resolved.Admits(Alert(1, state: AlertState.Dismissed)));
        Assert.False(open.Admits(Alert(1, state: AlertState.Dismissed)));
        Assert.False(new QueueFilter(Severity: AlertSeverity.Critical).Admits(Alert(1)));
    }

    [Fact]
    public void TheArrowsWalkTheQueueAndStopAtItsEnds()
    {
        var queue = new AlertQueue(new QueueFilter(), 10);
        queue.Load([Alert(1), Alert(2, minutesAgo: 1), Alert(3, minutesAgo: 2)]);

        Assert.Equal(1, queue.Neighbour(null, 1));
        Assert.Equal(2, queue.Neighbour(1, 1));
        Assert.Equal(3, queue.Neighbour(3, 1));
        Assert.Equal(1, queue.Neighbour(1, -1));
        Assert.Null(new AlertQueue(new QueueFilter(), 10).Neighbour(null, 1));
    }

    [Fact]
    public void TheQueueShowsNoMoreThanItsCapacityTheMostPressingKept()
    {
        var queue = new AlertQueue(new QueueFilter(), 2);
        queue.Load([Alert(1, state: AlertState.Acknowledged), Alert(2, minutesAgo: 9), Alert(3, minutesAgo: 8)]);

        Assert.Equal([3, 2], Ids(queue));
    }

    [Fact]
    public void TheDeskCentresAnAlertOnItsFixElseTheLastFixElseTheHome()
    {
        TrackPoint[] track = [new(Noon, 35.1, 117.8, null, null), new(Noon, 35.2, 117.85, null, null)];

        Assert.Equal(new CasePlace(35.3, 117.9, CasePlaceKind.AlertFix), CasePicture.PlaceOf(Alert(1, latitude: 35.3), track, (35.0, 117.0)));
        Assert.Equal(new CasePlace(35.2, 117.85, CasePlaceKind.LastFix), CasePicture.PlaceOf(Alert(1), track, (35.0, 117.0)));
        Assert.Equal(new CasePlace(35.0, 117.0, CasePlaceKind.Home), CasePicture.PlaceOf(Alert(1), [], (35.0, 117.0)));
        Assert.Null(CasePicture.PlaceOf(Alert(1), [], null));
    }
}
