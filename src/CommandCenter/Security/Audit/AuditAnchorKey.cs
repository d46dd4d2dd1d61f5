namespace CommandCenter.Security.Audit;

/// <summary>Reads the anchors' HMAC key: the base64 text of a secret file.</summary>
public static class AuditAnchorKey
{
    public static byte[] Read(string path) => Convert.FromBase64String(System.IO.File.ReadAllText(path).Trim());
}
