namespace CommandCenter.Kpi.Pages;

/// <summary>A subject as a form offers it: by case number, never by name.</summary>
public sealed record SubjectChoice(int Id, string Code);
