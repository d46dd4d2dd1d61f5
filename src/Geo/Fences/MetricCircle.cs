using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// A round area of a given radius in metres around a WGS-84 position, for a destination picked on the map.
/// The disc is drawn by <see cref="MetricBuffer"/> in a projection centred on the point, so it is round on
/// the ground; a circle drawn in degrees would be an ellipse 20 % narrower east-west in Shandong.
/// </summary>
public static class MetricCircle
{
    /// <summary>The largest radius accepted: a destination is a town or a city, not a province.</summary>
    public const double MaxRadiusMetres = 50_000;

    /// <summary>Returns the disc of <paramref name="radiusMetres"/> around the position, through <see cref="Wgs84.Factory"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is not on the globe, or the radius is not in (0, <see cref="MaxRadiusMetres"/>].</exception>
    public static Polygon Around(double longitude, double latitude, double radiusMetres)
    {
        if (!double.IsFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > MaxRadiusMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, $"The radius must be more than 0 and at most {MaxRadiusMetres} metres.");
        }

        return (Polygon)MetricBuffer.Apply(Wgs84.CreatePoint(longitude, latitude), radiusMetres);
    }
}
