namespace CommandCenter.FieldMessages;

/// <summary>Where a message is in its delivery.</summary>
public enum FieldMessageState
{
    /// <summary>Waiting for its first attempt or for its next retry.</summary>
    Pending,
    Sent,

    /// <summary>Every attempt failed; the desk shows it.</summary>
    Failed,
}
