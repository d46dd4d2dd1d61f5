using CommandCenter.Cameras;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Synthetic cameras: most at town crossroads (the Sharp Eyes network), some at the county's exit
/// checkpoints. They carry no stream links; a site fills those in from its own video platform.
/// </summary>
public class CameraPlanner(Random random, GeometryFactory factory)
{
    public List<Camera> Plan(int count, MultiPolygon county, IReadOnlyList<Town> towns)
    {
        var cameras = new List<Camera>(count);
        var checkpoints = Math.Min(10, count / 9);
        var boundary = county.Boundary;
        var length = boundary.Length;
        for (var i = 0; i < checkpoints; i++)
        {
            var onEdge = new NetTopologySuite.LinearReferencing.LengthIndexedLine(boundary.GetGeometryN(0))
                .ExtractPoint(length * (i + random.NextDouble() * 0.5) / checkpoints);
            cameras.Add(Make(cameras.Count + 1, $"出县卡口{i + 1}号", Inward(onEdge, county)));
        }

        var prepared = PreparedGeometryFactory.Prepare(county);
        while (cameras.Count < count)
        {
            var town = towns[cameras.Count % towns.Count];
            var location = RandomPoint.Near(town.Centre, 900, random);
            if (prepared.Covers(factory.CreatePoint(location)))
            {
                cameras.Add(Make(cameras.Count + 1, $"{town.Name}路口{cameras.Count + 1}号（4K）", location));
            }
        }

        return cameras;
    }

    /// <summary>Moves a point on the border a little towards the county's interior, where a checkpoint would stand.</summary>
    private static Coordinate Inward(Coordinate onEdge, Geometry county)
    {
        var centre = county.Centroid.Coordinate;
        return new Coordinate(onEdge.X + (centre.X - onEdge.X) * 0.01, onEdge.Y + (centre.Y - onEdge.Y) * 0.01);
    }

    private Camera Make(int number, string name, Coordinate location) => new()
    {
        Code = $"CAM-{number:D4}",
        Name = name,
        Location = factory.CreatePoint(location),
        Online = random.NextDouble() > 0.05,
    };
}
