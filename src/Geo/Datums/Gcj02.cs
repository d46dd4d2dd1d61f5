using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Datums;

/// <summary>
/// WGS-84 ⇄ GCJ-02 on NTS coordinates (X = longitude, Y = latitude, degrees), for code that reads
/// GCJ-02 sources coordinate by coordinate, such as the county boundary files. A shorthand for
/// <see cref="ChinaDatums"/>, which holds the algorithm; whole geometries go through <see cref="DatumTransform"/>.
/// </summary>
public static class Gcj02
{
    /// <summary>Whether the offset applies at this position (the rectangle around China the datum's users agree on).</summary>
    public static bool AppliesAt(double longitude, double latitude) =>
        !ChinaDatums.IsOutsideChina(new LonLat(longitude, latitude));

    /// <summary>WGS-84 to GCJ-02; a new coordinate.</summary>
    public static Coordinate FromWgs84(Coordinate wgs84)
    {
        ArgumentNullException.ThrowIfNull(wgs84);
        var gcj02 = ChinaDatums.Wgs84ToGcj02(new LonLat(wgs84.X, wgs84.Y));
        return new Coordinate(gcj02.Longitude, gcj02.Latitude);
    }

    /// <summary>GCJ-02 to WGS-84 (iterated to within 1e-9 degrees); a new coordinate.</summary>
    public static Coordinate ToWgs84(Coordinate gcj02)
    {
        ArgumentNullException.ThrowIfNull(gcj02);
        var wgs84 = ChinaDatums.Gcj02ToWgs84(new LonLat(gcj02.X, gcj02.Y));
        return new Coordinate(wgs84.Longitude, wgs84.Latitude);
    }
}
