namespace CommandCenter.Squads;

/// <summary>A squad as the wall shows it: what it is doing, derived from the alerts it was sent to, and how many of its area's alerts are open.</summary>
public record SquadState(int Id, string Code, string Name, SquadStatus Status, int OpenAlerts, string? BusyWith);
