namespace CommandCenter.Phone;

/// <summary>What the subject has to do now: spot checks to answer (soonest first) and the next check-in deadline.</summary>
public record PhoneTasks(IReadOnlyList<PhoneSpotCheck> SpotChecks, DateTimeOffset? CheckInDue);
