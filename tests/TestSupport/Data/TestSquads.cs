using CommandCenter.Geo;
using CommandCenter.Squads;
using NetTopologySuite.Geometries;

namespace CommandCenter.TestSupport.Data;

/// <summary>Squads for tests that write their own small county: each covers the same one-degree square near Linyi.</summary>
public static class TestSquads
{
    public static Squad Square(string code, string name)
    {
        var factory = Wgs84.Factory;
        var square = factory.CreatePolygon([new(117, 35), new(118, 35), new(118, 36), new(117, 36), new(117, 35)]);
        return new Squad
        {
            Code = code, Name = name, LeaderName = "队长", DutyPhone = "0539", Base = factory.CreatePoint(new Coordinate(117.5, 35.5)),
            Jurisdiction = factory.CreateMultiPolygon([square]),
        };
    }
}
