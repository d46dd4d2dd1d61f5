using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Cameras;

/// <summary>
/// A camera to add or change, as a form or the API sends it. The attributes bound what the API accepts at
/// all (the columns' widths); <see cref="CameraChecks"/> says what makes a camera right. A change may carry the
/// version it was made against: if the camera has changed since, the change is refused.
/// </summary>
public record CameraInput(
    [property: StringLength(Camera.MaxCodeLength)] string? Code,
    [property: StringLength(100)] string? Name,
    [property: Range(-90.0, 90.0)] double? Latitude,
    [property: Range(-180.0, 180.0)] double? Longitude,
    [property: StringLength(500)] string? StreamUrl,
    [property: StringLength(500)] string? SnapshotUrl,
    bool? Online,
    uint? Version = null);
