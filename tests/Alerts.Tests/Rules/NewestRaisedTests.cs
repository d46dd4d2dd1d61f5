using CommandCenter.Alerts.Rules;

namespace CommandCenter.Alerts.Tests.Rules;

public class NewestRaisedTests
{
    private static readonly DateTimeOffset Mark = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset? Mark, List<string> Raised) Weigh(DateTimeOffset? newest, params (string Name, DateTimeOffset At)[] events)
    {
        var raised = new List<string>();
        var mark = NewestRaised.RaiseAfter(newest, events, e => e.At, e => raised.Add(e.Name));
        return (mark, raised);
    }

    [Fact]
    public void WithNoMarkEveryEventIsRaisedOldestFirstAndTheNewestBecomesTheMark()
    {
        var (mark, raised) = Weigh(null, ("later", Mark.AddMinutes(5)), ("first", Mark), ("middle", Mark.AddMinutes(1)));

        Assert.Equal(["first", "middle", "later"], raised);
        Assert.Equal(Mark.AddMinutes(5), mark);
    }

    [Fact]
    public void EventsKnownAtOrBeforeTheMarkAreNotRaisedAgain()
    {
        var (mark, raised) = Weigh(Mark, ("before", Mark.AddMinutes(-1)), ("at the mark", Mark), ("after", Mark.AddSeconds(1)));

        Assert.Equal(["after"], raised);
        Assert.Equal(Mark.AddSeconds(1), mark);
    }

    [Fact]
    public void ASecondLookAtTheSameEventsRaisesNothingAndKeepsTheMark()
    {
        (string, DateTimeOffset)[] events = [("one", Mark), ("two", Mark.AddMinutes(2))];
        var (first, _) = Weigh(null, events);

        var (mark, raised) = Weigh(first, events);

        Assert.Empty(raised);
        Assert.Equal(Mark.AddMinutes(2), mark);
    }

    [Fact]
    public void NoEventsLeaveTheMarkAsItWas()
    {
        Assert.Equal(Mark, Weigh(Mark).Mark);
        Assert.Null(Weigh(null).Mark);
    }
}
