namespace CommandCenter.Live;

/// <summary>The newest fix of one subject, as a marker on the map needs it; the squad decides who may see it.</summary>
public record PositionUpdate(int SubjectId, int SquadId, double Latitude, double Longitude, DateTimeOffset FixTime)
{
    /// <summary>A zone crossing of this subject is seen but not yet confirmed: the map marks it.</summary>
    public bool Pending { get; init; }
}
