namespace CommandCenter.Squads;

/// <summary>What a field squad is doing now, as the wall shows it.</summary>
public enum SquadStatus
{
    Available,
    Dispatched,
    OnScene,
}
