using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Tests.Discipline;

public class DisciplineLadderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static DisciplinaryRecord On(int day, Disposition disposition) => new(disposition, Start.AddDays(day));

    [Fact]
    public void AFirstMinorBreachSuggestsAnAdmonition()
    {
        var suggestion = DisciplineLadder.Suggest([On(1, Disposition.NoViolation), On(2, Disposition.DeviceFault)], TimeSpan.FromDays(2));

        Assert.Equal(Disposition.Admonition, suggestion.Disposition);
        Assert.Equal(DisciplineReason.MinorBreach, suggestion.Reason);
    }

    [Fact]
    public void TwoUncorrectedAdmonitionsSuggestAWarning()
    {
        var suggestion = DisciplineLadder.Suggest([On(1, Disposition.Admonition), On(30, Disposition.Admonition)]);

        Assert.Equal(Disposition.Warning, suggestion.Disposition);
        Assert.Equal(DisciplineReason.TwoUncorrectedAdmonitions, suggestion.Reason);
    }

    [Fact]
    public void AdmonitionsBeforeAWarningNoLongerCount()
    {
        var suggestion = DisciplineLadder.Suggest([On(1, Disposition.Admonition), On(2, Disposition.Admonition), On(3, Disposition.Warning), On(4, Disposition.Admonition)]);

        Assert.Equal(Disposition.Admonition, suggestion.Disposition);
        Assert.Equal(1, suggestion.UncorrectedAdmonitions);
        Assert.Equal(1, suggestion.UncorrectedWarnings);
    }

    [Fact]
    public void TwoUncorrectedWarningsSuggestAProposalToRevoke()
    {
        var suggestion = DisciplineLadder.Suggest([On(9, Disposition.Warning), On(1, Disposition.Warning)]);

        Assert.Equal(Disposition.RevocationProposal, suggestion.Disposition);
        Assert.Equal(DisciplineReason.TwoUncorrectedWarnings, suggestion.Reason);
    }

    [Theory]
    [InlineData(10, Disposition.Admonition)]
    [InlineData(11, Disposition.Warning)]
    [InlineData(30, Disposition.Warning)]
    [InlineData(31, Disposition.RevocationProposal)]
    public void TheLengthOfALapseDecidesTheStep(int days, Disposition expected)
    {
        Assert.Equal(expected, DisciplineLadder.Suggest([], TimeSpan.FromDays(days)).Disposition);
    }
}
