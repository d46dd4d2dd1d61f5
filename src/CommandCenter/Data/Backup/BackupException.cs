namespace CommandCenter.Data.Backup;

/// <summary>A backup or restore that could not be done; its message says why, for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
