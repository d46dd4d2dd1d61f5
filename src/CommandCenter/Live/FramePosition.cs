namespace CommandCenter.Live;

/// <summary>One person of a <see cref="PositionsFrame"/>, unpacked: where they are and whether a crossing of theirs is pending.</summary>
public record FramePosition(int SubjectId, int SquadId, double Latitude, double Longitude, bool Pending);
