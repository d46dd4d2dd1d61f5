namespace CommandCenter.TestSupport.FieldMessages;

/// <summary>One request the receiver got, as sent.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body);
