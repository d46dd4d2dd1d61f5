namespace CommandCenter.Ingest.Telemetry;

/// <summary>The reasons a request's fixes were refused, as the <c>reason</c> label of <c>commandcenter.ingest.fixes.refused</c>.</summary>
public static class RefusalReasons
{
    /// <summary>The body could not be read as the protocol's JSON, form or query.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Some item failed validation (400).</summary>
    public const string Invalid = "invalid";

    /// <summary>More items than one request may carry (413).</summary>
    public const string TooMany = "too_many";

    /// <summary>An unknown device, a wrong key or a token that is not a forwarder's (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The queue had no room (503).</summary>
    public const string QueueFull = "queue_full";

    /// <summary>The database did not answer (503).</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <summary>Queued, but not committed within the commit timeout (503).</summary>
    public const string NotCommitted = "not_committed";
}
