namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// Another node on the database judges the subjects in a way this node's <see cref="IngestOptions.Partitions"/> cannot
/// run beside (see <see cref="PartitionLeases.JudgesLock"/>); the message names the setting to fix.
/// </summary>
public sealed class ConflictingNodeException(string message) : Exception(message);
