using CommandCenter.Geo.Fences;

namespace CommandCenter.Geo.Tests.Fences;

public class FenceScopeTests
{
    private static readonly FenceSubject Subject = new(SubjectId: 7, SquadId: 2, RiskLevel: 3);

    [Fact]
    public void AllSubjectsAppliesToEveryone() => Assert.True(FenceScope.AllSubjects.AppliesTo(Subject));

    [Fact]
    public void ListedSubjectsAppliesOnlyToThoseListed()
    {
        Assert.True(FenceScope.ListedSubjects([7, 8]).AppliesTo(Subject));
        Assert.False(FenceScope.ListedSubjects([8]).AppliesTo(Subject));
    }

    [Fact]
    public void ARiskLevelScopeAppliesToThatLevelOnly()
    {
        Assert.True(FenceScope.ForRiskLevel(3).AppliesTo(Subject));
        Assert.False(FenceScope.ForRiskLevel(2).AppliesTo(Subject));
    }

    [Fact]
    public void ASquadScopeAppliesToThatSquadOnly()
    {
        Assert.True(FenceScope.ForSquad(2).AppliesTo(Subject));
        Assert.False(FenceScope.ForSquad(3).AppliesTo(Subject));
    }

    [Fact]
    public void AnEmptyListIsRefused() => Assert.Throws<ArgumentException>(() => FenceScope.ListedSubjects([]));

    [Fact]
    public void ScopesWithTheSameSubjectsAreEqualWhateverTheOrder() =>
        Assert.Equal(FenceScope.ListedSubjects([1, 2, 3]), FenceScope.ListedSubjects([3, 1, 2]));
}
