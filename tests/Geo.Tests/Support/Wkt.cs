using CommandCenter.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CommandCenter.Geo.Tests.Support;

/// <summary>Reads WKT test inputs into geometries of the product's factory (SRID 4326).</summary>
internal static class Wkt
{
    public static Geometry Read(string wkt) => Wgs84.Factory.CreateGeometry(new WKTReader().Read(wkt));
}
