using NetTopologySuite.Geometries;

namespace CommandCenter.Demo;

/// <summary>How a simulated person moves between reports: a short random step, pulled back towards home.</summary>
public static class Movement
{
    public static Coordinate Step(Coordinate current, Coordinate home, Random random)
    {
        var east = (home.X - current.X) * 0.08 + (random.NextDouble() - 0.5) * 0.0008;
        var north = (home.Y - current.Y) * 0.08 + (random.NextDouble() - 0.5) * 0.0008;
        return new Coordinate(current.X + east, current.Y + north);
    }
}
