namespace CommandCenter.SpotChecks;

/// <summary>A subject's answer to a spot check: the face photo and the phone's current fix.</summary>
public record SpotCheckAnswer(byte[] Photo, double Longitude, double Latitude, double? AccuracyMeters);
