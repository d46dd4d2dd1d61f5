using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>A synthetic town of the demo county: where people live, cameras stand and squads sit.</summary>
public record Town(string Name, Coordinate Centre, double Weight);
