namespace CommandCenter.Kpi.Panels;

/// <summary>A panel's data as a table: what the export writes and the report prints.</summary>
public sealed record KpiTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
