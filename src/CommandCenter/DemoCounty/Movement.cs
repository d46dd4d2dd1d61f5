using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>
/// How a simulated person moves between reports: a short random step, pulled towards where their day puts
/// them (home at night, at work by day, on the way between in the mornings and evenings).
/// </summary>
public static class Movement
{
    public static Coordinate Step(Coordinate current, Coordinate anchor, Random random)
    {
        var east = (anchor.X - current.X) * 0.08 + (random.NextDouble() - 0.5) * 0.0008;
        var north = (anchor.Y - current.Y) * 0.08 + (random.NextDouble() - 0.5) * 0.0008;
        return new Coordinate(current.X + east, current.Y + north);
    }

    /// <summary>Where the day puts a person at a wall-clock time: home 20:00-07:00, work 08:30-17:30, travelling in between.</summary>
    public static Coordinate Anchor(SimulatedPerson person, TimeOnly time)
    {
        var hours = time.ToTimeSpan().TotalHours;
        var atWork = hours switch
        {
            < 7 or >= 20 => 0.0,
            < 8.5 => (hours - 7) / 1.5,
            <= 17.5 => 1.0,
            _ => 1 - (hours - 17.5) / 2.5,
        };
        return new Coordinate(person.Home.X + (person.Work.X - person.Home.X) * atWork, person.Home.Y + (person.Work.Y - person.Home.Y) * atWork);
    }

    /// <summary>Whether it is a curfew hour (22:00-06:00, as the demo's home zones are scheduled).</summary>
    public static bool IsCurfew(TimeOnly time) => time.Hour is >= 22 or < 6;
}
