using CommandCenter.AlertDesk;

namespace CommandCenter.Delegation;

/// <summary>One step of a replayed alert, as time after it was raised.</summary>
public record DemoReplayStep(AlertEventKind Kind, TimeSpan After);
