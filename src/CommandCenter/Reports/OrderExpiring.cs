namespace CommandCenter.Reports;

/// <summary>An electronic-positioning order whose last day falls within the coming days; <see cref="Extended"/> when an approved extension follows it.</summary>
public sealed record OrderExpiring(int Id, string SubjectCode, string SquadName, DateOnly EndDate, int DaysLeft, bool Extended);
