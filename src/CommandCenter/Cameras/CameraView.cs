namespace CommandCenter.Cameras;

/// <summary>A camera as the screens and the API show it; the distance is filled in for a nearest-camera question.</summary>
public record CameraView(
    int Id,
    string Code,
    string Name,
    double Latitude,
    double Longitude,
    string? StreamUrl,
    string? SnapshotUrl,
    bool Online,
    double? DistanceMeters = null);
