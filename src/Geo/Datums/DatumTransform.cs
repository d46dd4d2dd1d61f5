using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Datums;

/// <summary>
/// Converts whole geometries between datums, e.g. a fence drawn on a GCJ-02 base map into the WGS-84
/// the product stores, or a WGS-84 track onto a Baidu map. Conversions are always explicit: nothing in
/// the engine guesses a datum.
/// </summary>
public static class DatumTransform
{
    /// <summary>Returns a converted copy of the geometry (through <see cref="Wgs84.Factory"/> when the target is WGS-84).</summary>
    public static Geometry Convert(Geometry geometry, Datum from, Datum to)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        if (from != to)
        {
            copy.Apply(new DatumFilter(from, to));
        }

        return to == Datum.Wgs84 ? Wgs84.Factory.CreateGeometry(copy) : copy;
    }

    private sealed class DatumFilter(Datum from, Datum to) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var converted = ChinaDatums.Convert(new LonLat(seq.GetX(i), seq.GetY(i)), from, to);
            seq.SetX(i, converted.Longitude);
            seq.SetY(i, converted.Latitude);
        }
    }
}
