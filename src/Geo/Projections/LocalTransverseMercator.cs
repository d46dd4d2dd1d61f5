using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Projections;

/// <summary>
/// A transverse Mercator projection of the WGS-84 ellipsoid centred on a chosen origin, giving
/// metres east (X) and north (Y) of that origin. Used to do metric work (buffers, distances) on a
/// fence without ever treating degrees as a length.
/// </summary>
/// <remarks>
/// Krüger's series to fourth order in the third flattening n (Kawase's and Karney's form): sub-millimetre
/// within a few hundred kilometres of the central meridian, far beyond the size of a county fence.
/// Being conformal with scale 1 on the central meridian, the scale error at x metres from it is
/// about x²/(2R²): 3·10⁻⁵ at 50 km, so a 100 m buffer is true to well under a millimetre.
/// </remarks>
public sealed class LocalTransverseMercator
{
    private const double SemiMajorAxis = 6378137.0;
    private const double Flattening = 1 / 298.257223563;

    private static readonly double N = Flattening / (2 - Flattening);
    private static readonly double N4 = N * N * N * N;
    private static readonly double Eccentricity = Math.Sqrt(Flattening * (2 - Flattening));

    // Rectifying radius: the meridian arc per radian of rectifying latitude.
    private static readonly double A = SemiMajorAxis / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);

    private static readonly double[] Alpha =
    [
        N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16 + 41 * N4 / 180,
        13 * N * N / 48 - 3 * N * N * N / 5 + 557 * N4 / 1440,
        61 * N * N * N / 240 - 103 * N4 / 140,
        49561 * N4 / 161280,
    ];

    private static readonly double[] Beta =
    [
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96 - N4 / 360,
        N * N / 48 + N * N * N / 15 - 437 * N4 / 1440,
        17 * N * N * N / 480 - 37 * N4 / 840,
        4397 * N4 / 161280,
    ];

    private static readonly double[] Delta =
    [
        2 * N - 2 * N * N / 3 - 2 * N * N * N + 116 * N4 / 45,
        7 * N * N / 3 - 8 * N * N * N / 5 - 227 * N4 / 45,
        56 * N * N * N / 15 - 136 * N4 / 35,
        4279 * N4 / 630,
    ];

    private readonly double _centralMeridian;
    private readonly double _falseNorthing;

    /// <summary>Creates the projection centred on a WGS-84 position.</summary>
    /// <param name="originLongitude">Longitude of the origin in degrees (the central meridian).</param>
    /// <param name="originLatitude">Latitude of the origin in degrees (Y = 0 there).</param>
    public LocalTransverseMercator(double originLongitude, double originLatitude)
    {
        Wgs84.EnsureValidPosition(originLongitude, originLatitude);
        OriginLongitude = originLongitude;
        OriginLatitude = originLatitude;
        _centralMeridian = DegreesToRadians(originLongitude);
        _falseNorthing = 0;
        _falseNorthing = -Forward(originLongitude, originLatitude).Y;
    }

    /// <summary>Longitude of the origin in degrees.</summary>
    public double OriginLongitude { get; }

    /// <summary>Latitude of the origin in degrees.</summary>
    public double OriginLatitude { get; }

    /// <summary>Creates the projection centred on the centre of a geometry's envelope.</summary>
    public static LocalTransverseMercator CenteredOn(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var centre = geometry.EnvelopeInternal.Centre;
        return new LocalTransverseMercator(centre.X, centre.Y);
    }

    /// <summary>Projects a WGS-84 position to metres east and north of the origin.</summary>
    public (double X, double Y) Forward(double longitude, double latitude)
    {
        double phi = DegreesToRadians(latitude);
        double lambda = DegreesToRadians(longitude) - _centralMeridian;
        double sinPhi = Math.Sin(phi);

        // Conformal latitude, through its tangent.
        double t = Math.Sinh(Math.Atanh(sinPhi) - Eccentricity * Math.Atanh(Eccentricity * sinPhi));
        double xiPrime = Math.Atan2(t, Math.Cos(lambda));
        double etaPrime = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + t * t));

        double xi = xiPrime;
        double eta = etaPrime;
        for (int j = 1; j <= Alpha.Length; j++)
        {
            xi += Alpha[j - 1] * Math.Sin(2 * j * xiPrime) * Math.Cosh(2 * j * etaPrime);
            eta += Alpha[j - 1] * Math.Cos(2 * j * xiPrime) * Math.Sinh(2 * j * etaPrime);
        }

        return (A * eta, A * xi + _falseNorthing);
    }

    /// <summary>Turns metres east and north of the origin back into a WGS-84 position.</summary>
    public (double Longitude, double Latitude) Inverse(double x, double y)
    {
        double xi = (y - _falseNorthing) / A;
        double eta = x / A;

        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= Beta.Length; j++)
        {
            xiPrime -= Beta[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
            etaPrime -= Beta[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
        }

        double chi = Math.Asin(Math.Sin(xiPrime) / Math.Cosh(etaPrime));
        double phi = chi;
        for (int j = 1; j <= Delta.Length; j++)
        {
            phi += Delta[j - 1] * Math.Sin(2 * j * chi);
        }

        double lambda = _centralMeridian + Math.Atan2(Math.Sinh(etaPrime), Math.Cos(xiPrime));
        return (RadiansToDegrees(lambda), RadiansToDegrees(phi));
    }

    /// <summary>Returns a copy of a WGS-84 geometry in this projection's metres.</summary>
    public Geometry Project(Geometry geometry)
    {
        var projected = Transform(geometry, forward: true);
        projected.SRID = 0; // metres of a local projection that has no EPSG code
        return projected;
    }

    /// <summary>Returns a copy of a geometry in this projection's metres, back in WGS-84 through <see cref="Wgs84.Factory"/>.</summary>
    public Geometry Unproject(Geometry geometry) => Wgs84.Factory.CreateGeometry(Transform(geometry, forward: false));

    private Geometry Transform(Geometry geometry, bool forward)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        copy.Apply(new ProjectingFilter(this, forward));
        return copy;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;

    private static double RadiansToDegrees(double radians) => radians * 180 / Math.PI;

    private sealed class ProjectingFilter(LocalTransverseMercator projection, bool forward) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = forward
                ? projection.Forward(seq.GetX(i), seq.GetY(i))
                : projection.Inverse(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
