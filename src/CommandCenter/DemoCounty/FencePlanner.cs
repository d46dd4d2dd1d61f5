using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Subjects;
using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The demo county's fences: the county itself as the inclusion zone, and exclusion zones of the kinds
/// prohibition orders name: schools, entertainment venues, victims' homes.
/// </summary>
public class FencePlanner(Random random, GeometryFactory factory)
{
    /// <summary>The demo's curfew: every night from 22:00 to 06:00 (site time), as <see cref="Movement.IsCurfew"/> assumes.</summary>
    public static readonly TimeOnly CurfewStart = new(22, 0);

    public static readonly TimeOnly CurfewEnd = new(6, 0);

    /// <param name="curfews">Whether the people under strict supervision get a home zone with a night curfew (宵禁).</param>
    public List<Geofence> Plan(MultiPolygon county, IReadOnlyList<Town> towns, IReadOnlyList<Subject> subjects, DateTimeOffset now, bool curfews = true)
    {
        var fences = new List<Geofence>
        {
            new()
            {
                Name = "县域（未经批准不得离开）",
                Kind = FenceKind.Inclusion,
                Area = county,
                BufferMeters = 200,
                Scope = FenceScopeKind.AllSubjects,
                UpdatedAt = now,
            },
        };

        // Schools: banned for the high-risk subjects (a typical prohibition order for some offences).
        for (var i = 0; i < 5; i++)
        {
            var town = towns[i % towns.Count];
            fences.Add(Zone($"{town.Name}中心小学周边", RandomPoint.Near(town.Centre, 600, random), 300, now,
                fence => { fence.Scope = FenceScopeKind.RiskLevel; fence.ScopeRiskLevel = RiskLevel.High; }));
        }

        // Entertainment venues: banned for the people whose orders name them.
        string[] venues = ["KTV娱乐城", "网吧", "酒吧街", "歌舞厅"];
        for (var i = 0; i < venues.Length; i++)
        {
            var town = towns[(i * 3 + 1) % towns.Count];
            var named = PickSubjects(subjects, 25);
            fences.Add(Zone($"{town.Name}{venues[i]}", RandomPoint.Near(town.Centre, 500, random), 150, now,
                fence => { fence.Scope = FenceScopeKind.ListedSubjects; fence.ScopeSubjectIds = named; }));
        }

        // Victims' homes: each banned for one person, and an entry alarms at once.
        for (var i = 0; i < 3; i++)
        {
            var offender = subjects[random.Next(subjects.Count)];
            var near = RandomPoint.Near(offender.Home!.Coordinate, 2_500, random);
            fences.Add(Zone($"被害人住所（{offender.Code}）", near, 100, now, fence =>
            {
                fence.Scope = FenceScopeKind.ListedSubjects;
                fence.ScopeSubjectIds = [offender.Id];
                fence.Immediate = true;
            }));
        }

        if (curfews)
        {
            fences.AddRange(subjects.Where(s => s.SupervisionLevel == SupervisionLevel.Strict).Select(s => HomeZone(s, now)));
        }

        return fences;
    }

    /// <summary>The home zone of a person under curfew: 150 m around the home, 50 m of tolerance, every night.</summary>
    private Geofence HomeZone(Subject subject, DateTimeOffset now) => new()
    {
        Name = $"居所（{subject.Code}）宵禁",
        Kind = FenceKind.Home,
        Area = LocalMetres.Circle(factory, subject.Home!.Coordinate, 150),
        BufferMeters = 50,
        Scope = FenceScopeKind.ListedSubjects,
        ScopeSubjectIds = [subject.Id],
        Schedule = new GeofenceSchedule { Windows = [new WeeklyWindow { Days = [.. Enum.GetValues<DayOfWeek>()], Start = CurfewStart, End = CurfewEnd }] },
        UpdatedAt = now,
    };

    private Geofence Zone(string name, Coordinate centre, double radiusMetres, DateTimeOffset now, Action<Geofence> scope)
    {
        var fence = new Geofence
        {
            Name = name,
            Kind = FenceKind.Exclusion,
            Area = LocalMetres.Circle(factory, centre, radiusMetres),
            BufferMeters = 0,
            UpdatedAt = now,
        };
        scope(fence);
        return fence;
    }

    private int[] PickSubjects(IReadOnlyList<Subject> subjects, int count) =>
        subjects.OrderBy(_ => random.Next()).Take(count).Select(s => s.Id).Order().ToArray();
}
