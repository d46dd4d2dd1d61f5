using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using CommandCenter.Geo.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Geo.Tests.Fences;

public class FenceIndexTests
{
    private const string School = "POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35))";
    private const string Arcade = "POLYGON((118.005 35.005, 118.015 35.005, 118.015 35.015, 118.005 35.015, 118.005 35.005))";
    private const string Township = "POLYGON((117.9 34.9, 118.1 34.9, 118.1 35.1, 117.9 35.1, 117.9 34.9), (117.99 34.99, 117.995 34.99, 117.995 34.995, 117.99 34.995, 117.99 34.99))";
    private const string Home = "POLYGON((118.05 35.05, 118.051 35.05, 118.051 35.051, 118.05 35.051, 118.05 35.05))";

    private static readonly FenceSubject Subject = new(SubjectId: 7, SquadId: 2, RiskLevel: 3);
    private static readonly DateTimeOffset Noon = Sites.ShanghaiTime(2025, 3, 3, 12);

    [Fact]
    public void APointInTwoOverlappingExclusionZonesIsInsideBoth()
    {
        var index = Index(Fence(1, FenceKind.Exclusion, School), Fence(2, FenceKind.Exclusion, Arcade));

        var verdict = index.Evaluate(118.007, 35.007, Subject, Noon);

        Assert.Equal([1, 2], verdict.Inside.Select(f => f.Id).Order());
        Assert.Empty(verdict.Outside);
        Assert.False(verdict.IsCompliant);
    }

    [Theory]
    [InlineData(118.01, 35.005)] // on the east edge
    [InlineData(118.01, 35.01)]  // on the north-east vertex
    public void APointOnAnEdgeOrAVertexIsInside(double longitude, double latitude)
    {
        var index = Index(Fence(1, FenceKind.Exclusion, School));

        Assert.Equal([1], index.Covering(longitude, latitude, Subject, Noon).Select(f => f.Id));
    }

    [Fact]
    public void APointInAHoleOfAnInclusionZoneIsOutsideIt()
    {
        var index = Index(Fence(1, FenceKind.Inclusion, Township));

        var verdict = index.Evaluate(117.992, 34.992, Subject, Noon);

        Assert.Empty(verdict.Inside);
        Assert.Equal([1], verdict.Outside.Select(f => f.Id));
    }

    [Fact]
    public void AnInclusionZoneFarFromThePointIsReportedAsLeft()
    {
        var index = Index(Fence(1, FenceKind.Inclusion, Township), Fence(2, FenceKind.Exclusion, School));

        var verdict = index.Evaluate(116.0, 36.0, Subject, Noon);

        Assert.Equal([1], verdict.Outside.Select(f => f.Id));
        Assert.Equal([1], verdict.Breaches.Select(f => f.Id));
        Assert.Empty(verdict.Inside);
    }

    [Fact]
    public void InsideTheInclusionZoneAndOutsideTheExclusionZoneIsCompliant()
    {
        var index = Index(Fence(1, FenceKind.Inclusion, Township), Fence(2, FenceKind.Exclusion, School));

        var verdict = index.Evaluate(118.05, 35.0, Subject, Noon);

        Assert.True(verdict.IsCompliant);
        Assert.True(verdict.IsInside(1));
        Assert.Empty(verdict.Breaches);
    }

    [Fact]
    public void FencesScopedToOthersAreIgnored()
    {
        var index = Index(
            Fence(1, FenceKind.Inclusion, Township, FenceScope.ListedSubjects([8])),
            Fence(2, FenceKind.Exclusion, School, FenceScope.ForSquad(5)),
            Fence(3, FenceKind.Inclusion, Home, FenceScope.ForRiskLevel(1)));

        var verdict = index.Evaluate(118.005, 35.005, Subject, Noon);

        Assert.Empty(verdict.Inside);
        Assert.Empty(verdict.Outside);
    }

    [Fact]
    public void FencesScopedToTheSubjectItsSquadOrItsRiskLevelApply()
    {
        var index = Index(
            Fence(1, FenceKind.Inclusion, Township, FenceScope.ListedSubjects([7, 8])),
            Fence(2, FenceKind.Exclusion, School, FenceScope.ForSquad(2)),
            Fence(3, FenceKind.Inclusion, Home, FenceScope.ForRiskLevel(3)));

        var verdict = index.Evaluate(118.005, 35.005, Subject, Noon);

        Assert.Equal([1, 2], verdict.Inside.Select(f => f.Id).Order());
        Assert.Equal([3], verdict.Outside.Select(f => f.Id));
    }

    [Fact]
    public void AHomeFenceCountsOnlyDuringItsCurfew()
    {
        var curfew = new FenceSchedule([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))]);
        var index = Index(Fence(1, FenceKind.Home, Home, schedule: curfew));
        var clock = new FakeTimeProvider(Sites.ShanghaiTime(2025, 3, 3, 21, 30));

        Assert.Empty(index.Evaluate(118.0, 35.0, Subject, clock.GetUtcNow()).Outside);

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal([1], index.Evaluate(118.0, 35.0, Subject, clock.GetUtcNow()).Outside.Select(f => f.Id));
        Assert.Equal([1], index.Evaluate(118.0505, 35.0505, Subject, clock.GetUtcNow()).Inside.Select(f => f.Id));

        clock.Advance(TimeSpan.FromHours(8));
        Assert.Empty(index.Evaluate(118.0, 35.0, Subject, clock.GetUtcNow()).Outside);
    }

    [Fact]
    public void AnExclusionZoneOutsideItsScheduleIsIgnored()
    {
        var schoolHours = new FenceSchedule([WeeklyWindow.Daily(new TimeOnly(7, 0), new TimeOnly(18, 0))]);
        var index = Index(Fence(1, FenceKind.Exclusion, School, schedule: schoolHours));

        Assert.NotEmpty(index.Covering(118.005, 35.005, Subject, Noon));
        Assert.Empty(index.Covering(118.005, 35.005, Subject, Sites.ShanghaiTime(2025, 3, 3, 20)));
    }

    [Fact]
    public void TheBufferIsPartOfTheFence()
    {
        var index = Index(new FenceDefinition(1, "school", FenceKind.Exclusion, Wkt.Read(School), bufferMetres: 200));

        Assert.NotEmpty(index.Covering(118.01 + Metres.EastToDegrees(35.005, 150), 35.005, Subject, Noon));
        Assert.Empty(index.Covering(118.01 + Metres.EastToDegrees(35.005, 250), 35.005, Subject, Noon));
    }

    [Fact]
    public void AReusedVerdictIsClearedBeforeEachLookup()
    {
        var index = Index(Fence(1, FenceKind.Exclusion, School), Fence(2, FenceKind.Inclusion, Home));
        var verdict = new FenceVerdict();

        index.Evaluate(118.005, 35.005, Subject, Noon, verdict);
        index.Evaluate(118.0505, 35.0505, Subject, Noon, verdict);

        Assert.Equal([2], verdict.Inside.Select(f => f.Id));
        Assert.Empty(verdict.Outside);
    }

    [Fact]
    public void ActiveForListsTheApplicableFencesWhereverTheSubjectIs()
    {
        var curfew = new FenceSchedule([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))]);
        var index = Index(
            Fence(1, FenceKind.Home, Home, FenceScope.ListedSubjects([7]), curfew),
            Fence(2, FenceKind.Exclusion, School, FenceScope.ForSquad(9)));

        Assert.Empty(index.ActiveFor(Subject, Noon));
        Assert.Equal([1], index.ActiveFor(Subject, Sites.ShanghaiTime(2025, 3, 3, 23)).Select(f => f.Id));
    }

    [Fact]
    public void TwoFencesWithOneIdAreRefused() =>
        Assert.Throws<ArgumentException>(() => Index(Fence(1, FenceKind.Exclusion, School), Fence(1, FenceKind.Exclusion, Arcade)));

    [Fact]
    public void APositionOffTheGlobeIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Index().Evaluate(0, 91, Subject, Noon));

    [Fact]
    public void AnEmptyIndexFindsNothing()
    {
        var verdict = FenceIndex.Empty(Sites.Shanghai).Evaluate(118, 35, Subject, Noon);

        Assert.Empty(verdict.Inside);
        Assert.Empty(verdict.Outside);
        Assert.True(verdict.IsCompliant);
    }

    private static FenceIndex Index(params FenceDefinition[] fences) => new(fences, Sites.Shanghai);

    private static FenceDefinition Fence(int id, FenceKind kind, string wkt, FenceScope? scope = null, FenceSchedule? schedule = null) =>
        new(id, $"fence {id}", kind, Wkt.Read(wkt), scope: scope, schedule: schedule);
}
