using NetTopologySuite.Geometries;

namespace CommandCenter.Site.County;

/// <summary>One county or district of the shipped boundaries, as the index knows it (no geometry).</summary>
/// <param name="Code">The administrative code, e.g. 371326.</param>
/// <param name="Name">平邑县.</param>
/// <param name="City">The city whose file holds it, e.g. 临沂.</param>
/// <param name="Province">From the code's first two digits, e.g. 山东省.</param>
/// <param name="File">The city's file name under shape-with-internal-borders/.</param>
/// <param name="Extent">The bounding box in the file's GCJ-02 coordinates.</param>
public sealed record ShippedCounty(string Code, string Name, string City, string Province, string File, Envelope Extent);
