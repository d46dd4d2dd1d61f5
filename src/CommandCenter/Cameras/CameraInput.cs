namespace CommandCenter.Cameras;

/// <summary>A camera to add or change, as a form or the API sends it.</summary>
public record CameraInput(string? Code, string? Name, double? Latitude, double? Longitude, string? StreamUrl, string? SnapshotUrl, bool? Online);
