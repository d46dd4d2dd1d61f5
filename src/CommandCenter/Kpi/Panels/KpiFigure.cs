namespace CommandCenter.Kpi.Panels;

/// <summary>
/// One figure of a panel: its label, its value as shown, whether it calls for attention, and whether it
/// is a headline figure (the wall's KPI strip shows the headline figures).
/// </summary>
public sealed record KpiFigure(string Label, string Value, bool Alarm = false, bool Headline = false);
