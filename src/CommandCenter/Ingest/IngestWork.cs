namespace CommandCenter.Ingest;

/// <summary>Something for the ingest pipeline to do, in order with everything else it does.</summary>
public abstract class IngestWork
{
}
