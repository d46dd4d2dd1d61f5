namespace CommandCenter.Squads.Admin;

/// <summary>Another active squad whose area an area overlaps, and by how much.</summary>
public record SquadOverlap(int SquadId, string SquadName, double SquareMetres);
