namespace CommandCenter.Data.Backup;

/// <summary>What a backup archive says of itself: when it was taken, of which database, and the dump's SHA-256 to check before restoring.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset TakenAt, string Database, string DumpSha256, long DumpBytes, bool AnchorsIncluded, long LastAuditEntryId)
{
    public const int CurrentFormat = 1;
}
