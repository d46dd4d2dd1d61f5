namespace CommandCenter.Subjects.Registry;

/// <summary>One page of search results and how many match in all.</summary>
public sealed record SubjectResults(int Total, int Page, int PageSize, List<SubjectRow> Items);
