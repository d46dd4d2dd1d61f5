using CommandCenter.Reports;

namespace CommandCenter.Tests.Reports;

public class HandlingStandardTests
{
    private static readonly DateTimeOffset Raised = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    [Fact]
    public void AnAnswerAtTheLastMomentOfTheWaitIsInTime() =>
        Assert.Equal(HandlingVerdict.InTime, HandlingStandard.Judge(Raised, Raised + Wait, Wait, Raised.AddHours(1)));

    [Fact]
    public void AnAnswerAfterTheWaitIsLateWhenEverItIsJudged() =>
        Assert.Equal(HandlingVerdict.Late, HandlingStandard.Judge(Raised, Raised + Wait + TimeSpan.FromSeconds(1), Wait, Raised + Wait));

    [Fact]
    public void NoAnswerIsNotJudgedUntilTheWaitHasRunOut()
    {
        Assert.Equal(HandlingVerdict.NotYetDue, HandlingStandard.Judge(Raised, null, Wait, Raised + Wait));
        Assert.Equal(HandlingVerdict.Late, HandlingStandard.Judge(Raised, null, Wait, Raised + Wait + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TheShareCountsOnlyWhatWasJudged()
    {
        Assert.Equal(66.7, HandlingStandard.Share([HandlingVerdict.InTime, HandlingVerdict.InTime, HandlingVerdict.Late, HandlingVerdict.NotYetDue]));
        Assert.Null(HandlingStandard.Share([HandlingVerdict.NotYetDue]));
    }
}
