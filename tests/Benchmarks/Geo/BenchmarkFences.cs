using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using CommandCenter.Geo.Tests.Support;
using NetTopologySuite.Geometries;

namespace CommandCenter.Benchmarks.Geo;

/// <summary>
/// The benchmark's county: 10,000 fences of 50 to 1,000 vertices over a county-sized box, with the mix
/// a site would have: a home per subject under curfew, the county and each squad's jurisdiction,
/// permitted areas of single subjects, and many small exclusion zones (schools, venues, victims' homes)
/// scoped to everyone, a risk level, a squad or named subjects. Seeded, so every run sees the same county.
/// </summary>
internal sealed class BenchmarkFences
{
    public const int FenceCount = 10_000;
    public const int SubjectCount = 550;
    public const int SquadCount = 5;
    private const int PermittedAreas = 1_000;

    // A box the size of a county in southern Shandong.
    public static readonly Envelope County = new(117.3, 118.0, 35.2, 35.75);

    private static readonly FenceSchedule Curfew = new([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))]);
    private static readonly FenceSchedule SchoolHours = new([new WeeklyWindow(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(7, 0), new TimeOnly(18, 0))]);

    private readonly RandomFences _random;

    public BenchmarkFences(int seed = 4_2025) => _random = new RandomFences(seed);

    public Random Random => _random.Random;

    /// <summary>Creates fence <paramref name="id"/> (1 to <see cref="FenceCount"/>) of the county.</summary>
    public FenceDefinition Fence(int id)
    {
        const int squadsFrom = SubjectCount + 1;
        const int countyId = squadsFrom + SquadCount;
        const int permittedFrom = countyId + 1;
        const int exclusionsFrom = permittedFrom + PermittedAreas;

        return id switch
        {
            < squadsFrom => Make(id, FenceKind.Home, Metres(30, 100), FenceScope.ListedSubjects([id]), Curfew),
            < countyId => Make(id, FenceKind.Inclusion, Metres(10_000, 15_000), FenceScope.ForSquad(id - squadsFrom + 1)),
            countyId => Make(id, FenceKind.Inclusion, 35_000, FenceScope.AllSubjects, centre: County.Centre),
            < exclusionsFrom => Make(id, FenceKind.Inclusion, Metres(1_000, 5_000), FenceScope.ListedSubjects([Random.Next(1, SubjectCount + 1)])),
            _ => Make(id, FenceKind.Exclusion, Metres(50, 500), ExclusionScope(),
                Random.NextDouble() < 0.3 ? SchoolHours : FenceSchedule.Always,
                buffer: Random.NextDouble() < 0.2 ? Metres(20, 200) : 0),
        };
    }

    /// <summary>A jagged fence (every vertex at a random distance from the centre): the hardest case for the exact test.</summary>
    public FenceDefinition JaggedFence(int id) =>
        new(id, $"jagged {id}", FenceKind.Exclusion,
            _random.Fence(Centre().X, Centre().Y, Metres(100, 3000), Random.Next(50, 1001), holeChance: 0.2, multiChance: 0.1, snap: false));

    /// <summary>A random subject of the county.</summary>
    public FenceSubject Subject()
    {
        int id = Random.Next(1, SubjectCount + 1);
        return new FenceSubject(id, 1 + id % SquadCount, 1 + id % 3);
    }

    /// <summary>
    /// Positions: half anywhere in the county, half inside the envelope of some fence, where the exact
    /// test cannot be skipped.
    /// </summary>
    public Coordinate[] Positions(IReadOnlyList<FenceDefinition> fences, int count) =>
        [.. Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? _random.PointIn(County, snap: false)
            : _random.PointIn(fences[Random.Next(fences.Count)].EffectiveGeometry.EnvelopeInternal, snap: false))];

    private FenceDefinition Make(int id, FenceKind kind, double radius, FenceScope scope, FenceSchedule? schedule = null, double buffer = 0, Coordinate? centre = null)
    {
        centre ??= Centre();
        var geometry = _random.Fence(centre.X, centre.Y, radius, Random.Next(50, 1001), holeChance: 0.1, multiChance: 0.05, snap: false, smooth: true);
        return new FenceDefinition(id, $"bench {id}", kind, geometry, buffer, scope, schedule, immediate: Random.NextDouble() < 0.1);
    }

    private Coordinate Centre() => _random.PointIn(County, snap: false);

    private double Metres(double from, double to) => from + Random.NextDouble() * (to - from);

    private FenceScope ExclusionScope()
    {
        double roll = Random.NextDouble();
        return roll < 0.3 ? FenceScope.AllSubjects
            : roll < 0.5 ? FenceScope.ForRiskLevel(Random.Next(1, 4))
            : roll < 0.6 ? FenceScope.ForSquad(Random.Next(1, SquadCount + 1))
            : FenceScope.ListedSubjects(Enumerable.Range(0, Random.Next(1, 4)).Select(_ => (long)Random.Next(1, SubjectCount + 1)));
    }
}
