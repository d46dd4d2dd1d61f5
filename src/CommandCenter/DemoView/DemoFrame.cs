namespace CommandCenter.DemoView;

/// <summary>The masked picture of the county for visitors: people counted per grid cell, alerts by kind.</summary>
public record DemoFrame(DateTimeOffset At, double CellDegrees, IReadOnlyList<DemoCell> Cells, int PeopleOnMap, int OpenAlerts);
