namespace CommandCenter.Cameras;

/// <summary>
/// A camera as the screens and the API show it; the distance is filled in for a nearest-camera question. A retired
/// camera carries the time it was retired; whether a camera is live is measured, not stored (see <see cref="CameraSignals"/>); the version is the one an edit, a retirement or a deletion is made against.
/// </summary>
public record CameraView(
    int Id,
    string Code,
    string Name,
    double Latitude,
    double Longitude,
    string? StreamUrl,
    string? SnapshotUrl,
    double? DistanceMeters = null,
    DateTimeOffset? RetiredAt = null,
    uint Version = 0);
