using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace CommandCenter.Map;

/// <summary>The one geometry factory of the web app: everything stored is WGS-84 (SRID 4326).</summary>
public static class Wgs84
{
    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(4326);
}
