namespace CommandCenter.Ingest;

/// <summary>Whether a request came with a forwarder's integration token.</summary>
public enum ForwarderCheck
{
    /// <summary>No Authorization header: each device proves itself with its key.</summary>
    None,

    /// <summary>A valid forwarder token: it speaks for the devices.</summary>
    Accepted,

    /// <summary>An Authorization header that is not a valid forwarder token.</summary>
    Refused,
}
