namespace CommandCenter.FieldMessages;

/// <summary>A message as the desk and the API show it; an SMS recipient's phone is masked.</summary>
public sealed record FieldMessageView(
    long Id,
    string Channel,
    FieldChannelKind ChannelKind,
    FieldMessageTrigger Trigger,
    long? AlertId,
    string? Recipient,
    string Text,
    FieldMessageState State,
    int Attempts,
    string? LastResult,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);
