namespace CommandCenter.Ingest;

/// <summary>What the pipeline did with one request's fixes, once committed.</summary>
public record BatchReceipt(int Stored, int Duplicates, int AlertsRaised);
