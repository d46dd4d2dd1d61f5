using CommandCenter.AlertLog;

namespace CommandCenter.DemoView;

/// <summary>One step of a replayed alert, as time after it was raised.</summary>
public record DemoReplayStep(AlertEventKind Kind, TimeSpan After);
