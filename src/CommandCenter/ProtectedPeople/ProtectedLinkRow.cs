namespace CommandCenter.ProtectedPeople;

/// <summary>A subject linked to a protected person, by case number, with the exclusion and early-warning radii in metres.</summary>
public record ProtectedLinkRow(int SubjectId, string SubjectCode, double ExclusionMetres, double WarningMetres);
