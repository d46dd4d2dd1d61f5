using System.Security.Cryptography;

namespace CommandCenter.TestSupport.Hosting;

/// <summary>A folder of a test app's own for the audit anchors and their key, as run.sh keeps them under .data.</summary>
public sealed class AuditAnchorFolder
{
    public AuditAnchorFolder()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"cc-audit-anchors-{Guid.NewGuid():N}");

    public string KeyFile => Path.Combine(Folder, "audit-anchor.key");

    public string AnchorFile => Path.Combine(Folder, "audit-anchors.log");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Audit:Anchors:File"] = AnchorFile,
        ["Audit:Anchors:KeyFile"] = KeyFile,
    };
}
