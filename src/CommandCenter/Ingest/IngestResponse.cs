namespace CommandCenter.Ingest;

/// <summary>The answer to an accepted batch: how many fixes were new, how many had been stored before, how many alerts they raised.</summary>
public record IngestResponse(int Accepted, int Duplicates, int AlertsRaised);
