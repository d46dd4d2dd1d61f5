namespace CommandCenter.Kit.Forms;

/// <summary>A squad as a form offers it.</summary>
public sealed record SquadChoice(int Id, string Name);
