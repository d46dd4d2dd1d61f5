namespace CommandCenter.Geo.Datums;

/// <summary>A longitude/latitude pair in degrees, in whichever <see cref="Datum"/> the context says.</summary>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Latitude">Degrees north.</param>
public readonly record struct LonLat(double Longitude, double Latitude);
