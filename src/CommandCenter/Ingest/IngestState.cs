namespace CommandCenter.Ingest;

/// <summary>Whether the pipeline can commit fixes now.</summary>
public enum IngestState
{
    /// <summary>The rules' memory is being rebuilt; fixes wait in the queue.</summary>
    Starting,

    /// <summary>Fixes are committed as they come.</summary>
    Running,

    /// <summary>The database does not answer; fixes are refused with 503 until it does.</summary>
    DatabaseUnavailable,
}
