namespace CommandCenter.Subjects.Positioning;

/// <summary>One legal limit an order step would break: the field it concerns and the text key that explains it.</summary>
public sealed record RuleBreach(string Field, string Key, params object[] Arguments);
