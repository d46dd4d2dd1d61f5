namespace CommandCenter.Reports;

/// <summary>One page of the register: its rows, the number of alerts the filter selects in all, and where the page is.</summary>
public sealed record RegisterSlice(IReadOnlyList<AlertRow> Rows, int Total, int Page, int PageSize);
