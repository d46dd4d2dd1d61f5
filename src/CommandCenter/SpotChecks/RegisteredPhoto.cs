namespace CommandCenter.SpotChecks;

/// <summary>
/// The photo registered for a subject at intake (登记照片), which a spot check's answer is compared with. One per
/// subject; uploading another replaces it. Kept apart from the subject's row, which every list reads.
/// </summary>
public class RegisteredPhoto
{
    public int SubjectId { get; set; }
    public required byte[] Content { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
