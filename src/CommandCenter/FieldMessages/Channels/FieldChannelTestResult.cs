namespace CommandCenter.FieldMessages.Channels;

/// <summary>How a test message went: whether the receiver took it, its answer (or the error), shortened, and when.</summary>
public sealed record FieldChannelTestResult(bool Accepted, string Result, DateTimeOffset At);
