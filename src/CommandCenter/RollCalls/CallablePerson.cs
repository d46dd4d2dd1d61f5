namespace CommandCenter.RollCalls;

/// <summary>A person the caller may call to a roll call, by case number.</summary>
public record CallablePerson(int Id, string Code, int SquadId);
