namespace CommandCenter.Squads.Admin;

/// <summary>Retiring a squad names the version it was read at, like every other change to it.</summary>
public record SquadRetirement(int? Version);
