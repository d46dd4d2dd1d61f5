using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.Fences;

public class SlabPointLocatorTests
{
    [Fact]
    public void ItAgreesWithNtsOnVerticesEdgesAndRandomPointsOfJaggedFences()
    {
        var random = new RandomFences(seed: 7);
        int compared = 0;
        for (int f = 0; f < 40; f++)
        {
            var area = random.Fence(118, 35, 200 + f * 50, 5 + f * 10, holeChance: 0.5, multiChance: 0.3, snap: true);
            var ours = new SlabPointLocator(area);
            var theirs = new IndexedPointInAreaLocator(area);
            foreach (var point in PointsOnAndAround(random, area))
            {
                Assert.True(theirs.Locate(point) == ours.Locate(point.X, point.Y), $"fence {f}, POINT({point.X:R} {point.Y:R})");
                compared++;
            }
        }

        Assert.True(compared > 20_000);
    }

    [Theory]
    [InlineData(118.0, 35.005, Location.Boundary)]  // on the vertical west edge
    [InlineData(118.005, 35.0, Location.Boundary)]  // on the horizontal south edge
    [InlineData(118.01, 35.01, Location.Boundary)]  // on a vertex
    [InlineData(118.005, 35.005, Location.Interior)]
    [InlineData(118.005, 35.0100001, Location.Exterior)]
    [InlineData(117.999, 35.005, Location.Exterior)]
    public void AnAxisAlignedSquareHasExactEdges(double x, double y, Location expected)
    {
        var square = Wkt.Read("POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35))");

        Assert.Equal(expected, new SlabPointLocator(square).Locate(x, y));
    }

    [Fact]
    public void ALongEdgeSpanningEverySlabIsStillFound()
    {
        // Many short edges on one side and one long edge on the other: the long edge spans all slabs.
        var coordinates = Enumerable.Range(0, 200).Select(i => new Coordinate(118 + 0.001 * (i % 2), 35 + i * 0.0001))
            .Append(new Coordinate(118.01, 35.0199)).Append(new Coordinate(118.01, 35)).Append(new Coordinate(118, 35)).ToArray();
        var comb = Wgs84.Factory.CreatePolygon(coordinates);

        var locator = new SlabPointLocator(comb);

        Assert.Equal(Location.Boundary, locator.Locate(118.01, 35.01));
        Assert.Equal(Location.Interior, locator.Locate(118.005, 35.01));
    }

    private static IEnumerable<Coordinate> PointsOnAndAround(RandomFences random, Geometry area)
    {
        foreach (var c in area.Coordinates.Zip(area.Coordinates.Skip(1)))
        {
            yield return c.First;
            yield return new Coordinate((c.First.X + c.Second.X) / 2, (c.First.Y + c.Second.Y) / 2);
        }

        var envelope = area.EnvelopeInternal;
        envelope.ExpandBy(envelope.Width * 0.1);
        for (int i = 0; i < 300; i++)
        {
            yield return random.PointIn(envelope, snap: i % 2 == 0);
        }
    }
}
