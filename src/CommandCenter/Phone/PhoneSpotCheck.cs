namespace CommandCenter.Phone;

/// <summary>A spot check as the phone shows it: answer with a face photo and the current fix before <see cref="Deadline"/>.</summary>
public record PhoneSpotCheck(long Id, DateTimeOffset SentAt, DateTimeOffset Deadline);
