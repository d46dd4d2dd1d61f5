using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>An alert still open at hand-over, with the state it was in then (it may have moved on since).</summary>
public sealed record OpenAlert(AlertRow Alert, AlertState StateAtHandOver);
