using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.GeoJson;

/// <summary>A ring after reading and repair, remembering where each vertex came from in the file.</summary>
/// <param name="Polygon">The polygon's index in the geometry.</param>
/// <param name="Ring">The ring's index in its polygon (0 = outer).</param>
/// <param name="Coordinates">The closed ring.</param>
/// <param name="FileIndexes">For each coordinate, its vertex index in the file.</param>
internal sealed record CleanRing(int Polygon, int Ring, Coordinate[] Coordinates, int[] FileIndexes);
