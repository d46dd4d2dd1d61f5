using System.ComponentModel.DataAnnotations;

namespace CommandCenter.AlertLog;

/// <summary>Photos sent with a step on an alert (section <c>AlertPhotos</c>).</summary>
public class AlertPhotoOptions
{
    public const string Section = "AlertPhotos";

    /// <summary>
    /// The largest photo accepted, in bytes. A phone camera's JPEG is 2 to 4 MB; 5 MB leaves room without letting
    /// one upload hold a Blazor circuit or a request for long.
    /// </summary>
    [Range(64 * 1024, 20 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;
}
