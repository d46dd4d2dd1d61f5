namespace CommandCenter.Live;

/// <summary>The positions that changed since the previous frame, newest per subject.</summary>
public record PositionsFrame(long Sequence, DateTimeOffset At, IReadOnlyList<PositionUpdate> Positions);
