namespace CommandCenter.FieldMessages;

/// <summary>
/// One message to one channel (and, for SMS, one phone): the outbox row the courier delivers and the record of
/// how its delivery went. The text is stored as sent: masked, with no coordinates.
/// </summary>
public class FieldMessage
{
    public long Id { get; set; }

    /// <summary>The configured channel's name.</summary>
    public required string Channel { get; set; }

    public FieldChannelKind ChannelKind { get; set; }
    public FieldMessageTrigger Trigger { get; set; }
    public long? AlertId { get; set; }

    /// <summary>The alert step the message tells of; null for the daily summary.</summary>
    public long? AlertEventId { get; set; }

    /// <summary>The phone an SMS goes to; null for a group robot.</summary>
    public string? Recipient { get; set; }

    public required string Text { get; set; }

    /// <summary>What the message is about and where it goes, unique: two nodes planning the same step store it once.</summary>
    public required string DedupeKey { get; set; }

    public FieldMessageState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>The last attempt's outcome: the receiver's answer or the error, shortened.</summary>
    public string? LastResult { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
