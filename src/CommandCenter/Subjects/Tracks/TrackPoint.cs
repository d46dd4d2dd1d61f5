namespace CommandCenter.Subjects.Tracks;

/// <summary>One fix of a replayed track, WGS-84.</summary>
public sealed record TrackPoint(DateTimeOffset Time, double Latitude, double Longitude, double? SpeedKmh, double? AccuracyMeters);
