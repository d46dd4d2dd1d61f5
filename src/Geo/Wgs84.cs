using NetTopologySuite.Geometries;

namespace CommandCenter.Geo;

/// <summary>
/// The one geometry factory of the product: WGS-84 longitude/latitude (SRID 4326), floating precision.
/// Every geometry the Geo engine creates or accepts goes through it, so that SRIDs never disagree.
/// </summary>
public static class Wgs84
{
    /// <summary>The EPSG code of WGS-84 geographic coordinates.</summary>
    public const int Srid = 4326;

    /// <summary>The shared factory (thread-safe: NTS factories are immutable).</summary>
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(PrecisionModels.Floating), Srid);

    /// <summary>Whether a longitude/latitude pair is a finite position on the globe.</summary>
    public static bool IsValidPosition(double longitude, double latitude) =>
        double.IsFinite(longitude) && double.IsFinite(latitude)
        && longitude is >= -180 and <= 180 && latitude is >= -90 and <= 90;

    /// <summary>Creates a point (longitude, latitude) after checking the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is not on the globe.</exception>
    public static Point CreatePoint(double longitude, double latitude)
    {
        EnsureValidPosition(longitude, latitude);
        return Factory.CreatePoint(new Coordinate(longitude, latitude));
    }

    /// <summary>Throws when a longitude/latitude pair is not a finite position on the globe.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is not on the globe.</exception>
    public static void EnsureValidPosition(double longitude, double latitude)
    {
        if (!IsValidPosition(longitude, latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude),
                $"({longitude}, {latitude}) is not a WGS-84 position: longitude must be in [-180, 180] and latitude in [-90, 90].");
        }
    }
}
