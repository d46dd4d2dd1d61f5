namespace CommandCenter.Phone;

/// <summary>A leave permit as the subject sees it: where to and when.</summary>
public record PhoneLeave(string Destination, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
