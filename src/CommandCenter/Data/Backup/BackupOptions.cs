using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Data.Backup;

/// <summary>Where the PostgreSQL client tools are; pg_dump and pg_restore must be of the server's major version or newer.</summary>
public class BackupOptions : IValidatableObject
{
    public const string Section = "Backup";

    /// <summary>The folder holding pg_dump and pg_restore (such as /usr/lib/postgresql/15/bin); empty: found on the PATH.</summary>
    public string? ToolsDirectory { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ToolsDirectory) && !Directory.Exists(ToolsDirectory))
        {
            yield return new ValidationResult($"Backup:ToolsDirectory: the folder {ToolsDirectory} does not exist.", [nameof(ToolsDirectory)]);
        }
    }

    public string Tool(string name) => string.IsNullOrWhiteSpace(ToolsDirectory) ? name : Path.Combine(ToolsDirectory, name);
}
