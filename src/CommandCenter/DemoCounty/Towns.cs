using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>Places the synthetic towns inside the county, well apart from each other.</summary>
public static class Towns
{
    private static readonly string[] Names =
        ["城关街道", "东岭镇", "西河镇", "南屯镇", "北山镇", "中和镇", "青石镇", "柳林镇", "桃园镇", "双泉镇", "石门镇", "清水镇"];

    public static List<Town> Place(Geometry county, Random random)
    {
        var towns = new List<Town>();
        var interior = county.InteriorPoint.Coordinate;
        towns.Add(new Town(Names[0], interior, 3.0));
        var minimumSpacing = 7_000.0;
        var attempts = 0;
        while (towns.Count < Names.Length)
        {
            var candidate = RandomPoint.Inside(county, random);
            var inset = county.Boundary.Distance(county.Factory.CreatePoint(candidate)) * 111_000;
            if (inset > 2_500 && towns.All(t => LocalMetres.Distance(t.Centre, candidate) > minimumSpacing))
            {
                towns.Add(new Town(Names[towns.Count], candidate, 0.6 + random.NextDouble()));
            }
            else if (++attempts % 500 == 0)
            {
                minimumSpacing *= 0.9;
            }
        }

        return towns;
    }
}
