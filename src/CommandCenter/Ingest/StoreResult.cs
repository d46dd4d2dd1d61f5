using CommandCenter.Live;

namespace CommandCenter.Ingest;

/// <summary>What one committed batch changed: to answer the device and to publish on the live feed.</summary>
public record StoreResult(int Stored, int Duplicates, IReadOnlyList<AlertMessage> RaisedAlerts, IReadOnlyList<PositionUpdate> VisiblePositions);
