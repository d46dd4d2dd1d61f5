using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Picks the rare violations of the demo: somebody leaves the county, walks into a zone their order bans,
/// or stays out during their curfew; and the commoner device trouble: a signal lost for a while.
/// </summary>
public class ViolationPlanner(Geometry county, IReadOnlyList<Geofence> exclusions, IReadOnlyDictionary<int, string> riskLevels)
{
    private readonly IPreparedGeometry preparedCounty = PreparedGeometryFactory.Prepare(county);

    public bool IsInCounty(Coordinate point) => preparedCounty.Covers(county.Factory.CreatePoint(point));

    /// <summary>Keeps one person under curfew out, a kilometre or two from home, for a few reports.</summary>
    public bool BreakCurfew(IReadOnlyList<SimulatedPerson> people, Random random)
    {
        var candidates = people.Where(p => p.UnderCurfew && !p.IsOnExcursion).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var person = candidates[random.Next(candidates.Count)];
        var away = LocalMetres.Offset(person.Home, 1_000 + random.NextDouble() * 1_000, 1_000 * (random.NextDouble() - 0.5));
        if (!IsInCounty(away))
        {
            return false;
        }

        Send(person, away, reports: 6);
        return true;
    }

    /// <summary>One device goes quiet for 20 to 90 minutes, as phones in a valley or a basement do.</summary>
    public static void LoseSignal(IReadOnlyList<SimulatedPerson> people, DateTimeOffset now, Random random)
    {
        if (people.Count > 0)
        {
            people[random.Next(people.Count)].SilentUntil = now.AddMinutes(20 + random.Next(70));
        }
    }

    /// <summary>Sends one person on an excursion of a few reports; returns false when no suitable person was found.</summary>
    public bool Start(IReadOnlyList<SimulatedPerson> people, Random random)
    {
        var candidates = people.Where(p => !p.IsOnExcursion).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        return random.NextDouble() < 0.5 ? LeaveCounty(candidates, random) : EnterExclusionZone(candidates, random);
    }

    private bool LeaveCounty(List<SimulatedPerson> candidates, Random random)
    {
        // Someone living near the border is the likely one to cross it.
        var person = candidates.OrderBy(p => county.Boundary.Distance(county.Factory.CreatePoint(p.Home)) + random.NextDouble() * 0.05).First();
        var edge = DistanceOp.NearestPoints(county.Boundary, county.Factory.CreatePoint(person.Home))[0];
        var length = LocalMetres.Distance(person.Home, edge);
        if (length < 1)
        {
            return false;
        }

        // Carry on 1.5 km past the border in the direction from home to the nearest border point.
        var beyond = 1_500 / length;
        var outside = new Coordinate(edge.X + (edge.X - person.Home.X) * beyond, edge.Y + (edge.Y - person.Home.Y) * beyond);
        if (preparedCounty.Covers(county.Factory.CreatePoint(outside)))
        {
            return false;
        }

        Send(person, outside, reports: 4);
        return true;
    }

    private bool EnterExclusionZone(List<SimulatedPerson> candidates, Random random)
    {
        if (exclusions.Count == 0)
        {
            return false;
        }

        var zone = exclusions[random.Next(exclusions.Count)];
        var banned = zone.Scope switch
        {
            FenceScopeKind.ListedSubjects => candidates.Where(p => zone.ScopeSubjectIds.Contains(p.SubjectId)).ToList(),
            FenceScopeKind.RiskLevel => candidates.Where(p => riskLevels.GetValueOrDefault(p.SubjectId) == zone.ScopeRiskLevel?.ToString()).ToList(),
            _ => candidates,
        };
        if (banned.Count == 0)
        {
            return false;
        }

        Send(banned[random.Next(banned.Count)], zone.Area.InteriorPoint.Coordinate, reports: 3);
        return true;
    }

    private static void Send(SimulatedPerson person, Coordinate target, int reports)
    {
        person.Excursion = target;
        person.ExcursionReportsLeft = reports;
    }
}
