namespace CommandCenter.Live;

/// <summary>The newest fix of one subject, as a marker on the map needs it.</summary>
public record PositionUpdate(int SubjectId, double Latitude, double Longitude, DateTimeOffset FixTime);
