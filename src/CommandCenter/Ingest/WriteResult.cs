namespace CommandCenter.Ingest;

/// <summary>What one committed micro-batch changed.</summary>
/// <param name="Stored">The fixes that were new (a resent one is not), by device and fix time.</param>
/// <param name="Alerts">Alerts raised, and open alerts whose condition came back or ended.</param>
public record WriteResult(HashSet<(int DeviceId, DateTimeOffset FixTime)> Stored, IReadOnlyList<StoredAlert> Alerts);
