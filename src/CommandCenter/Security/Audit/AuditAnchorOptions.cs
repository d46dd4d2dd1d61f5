using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Security.Audit;

/// <summary>
/// Where the head of the audit chain is anchored outside the database, and the key that signs each anchor.
/// The key lives in a file of its own (never in the database), so someone holding the database can
/// recompute the chain but cannot write an anchor that agrees with it.
/// </summary>
public class AuditAnchorOptions : IValidatableObject
{
    public const string Section = "Audit:Anchors";

    /// <summary>HMAC-SHA256 wants a key at least as long as its output.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>The append-only file the anchors are written to (its own volume on a site).</summary>
    [Required]
    public string File { get; set; } = string.Empty;

    /// <summary>The file holding the anchors' HMAC key: base64 of 32 or more random bytes.</summary>
    [Required]
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>How often the head is anchored while the app runs; at most an hour. It is also anchored at shutdown.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromSeconds(10) || Interval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Audit:Anchors:Interval must be between 10 seconds and one hour.", [nameof(Interval)]);
        }

        if (!string.IsNullOrWhiteSpace(File) && Path.GetDirectoryName(Path.GetFullPath(File)) is { } directory && !Directory.Exists(directory))
        {
            yield return new ValidationResult($"Audit:Anchors:File: the folder {directory} does not exist.", [nameof(File)]);
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            if (AuditAnchorKey.Read(KeyFile).Length < MinKeyBytes)
            {
                problem = $"holds fewer than {MinKeyBytes} bytes of key";
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            problem = $"cannot be read as base64 ({exception.Message})";
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"Audit:Anchors:KeyFile ({KeyFile}) {problem}.", [nameof(KeyFile)]);
        }
    }
}
