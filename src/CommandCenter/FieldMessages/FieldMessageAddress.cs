namespace CommandCenter.FieldMessages;

/// <summary>Where one message goes: a channel and, for SMS, one phone.</summary>
public sealed record FieldMessageAddress(FieldChannelOptions Channel, string? Recipient);
