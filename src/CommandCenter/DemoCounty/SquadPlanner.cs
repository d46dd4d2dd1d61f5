using CommandCenter.Squads;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Draws the five squads of the demo county: bases at well-spread towns, jurisdictions the Voronoi cells of
/// the bases clipped to the county, so together they cover the county with no gaps or overlaps.
/// </summary>
public static class SquadPlanner
{
    private static readonly string[] Names = ["第一中队", "第二中队", "第三中队", "第四中队", "第五中队"];
    private static readonly string[] Leaders = ["赵某队长", "钱某队长", "孙某队长", "李某队长", "周某队长"];

    public static List<Squad> Plan(Geometry county, IReadOnlyList<Town> towns, GeometryFactory factory)
    {
        var bases = FarthestTowns(towns, Names.Length);
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(bases.Select(t => t.Centre).ToList());
        var envelope = new Envelope(county.EnvelopeInternal);
        envelope.ExpandBy(0.5);
        builder.ClipEnvelope = envelope;
        var cells = builder.GetDiagram(factory);

        var squads = new List<Squad>();
        for (var i = 0; i < bases.Count; i++)
        {
            var site = factory.CreatePoint(bases[i].Centre);
            var cell = Enumerable.Range(0, cells.NumGeometries).Select(cells.GetGeometryN).First(c => c.Covers(site));
            squads.Add(new Squad
            {
                Code = $"S{i + 1}",
                Name = Names[i],
                LeaderName = Leaders[i],
                DutyPhone = $"0539-000-{i + 1:0000}",
                Base = site,
                Jurisdiction = ToMultiPolygon(cell.Intersection(county), factory),
            });
        }

        return squads;
    }

    /// <summary>Starts at the county seat and keeps adding the town farthest from those already chosen.</summary>
    private static List<Town> FarthestTowns(IReadOnlyList<Town> towns, int count)
    {
        var chosen = new List<Town> { towns[0] };
        while (chosen.Count < count)
        {
            chosen.Add(towns.Except(chosen).MaxBy(t => chosen.Min(c => LocalMetres.Distance(c.Centre, t.Centre)))!);
        }

        return chosen;
    }

    private static MultiPolygon ToMultiPolygon(Geometry geometry, GeometryFactory factory) => geometry switch
    {
        MultiPolygon multi => multi,
        Polygon polygon => factory.CreateMultiPolygon([polygon]),
        _ => factory.CreateMultiPolygon(Enumerable.Range(0, geometry.NumGeometries)
            .Select(geometry.GetGeometryN).OfType<Polygon>().ToArray()),
    };
}
