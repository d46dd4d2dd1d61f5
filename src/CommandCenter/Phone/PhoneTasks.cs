using CommandCenter.RollCalls;

namespace CommandCenter.Phone;

/// <summary>What the subject has to do now: spot checks to answer, roll calls to attend before a camera (both soonest first) and the next check-in deadline.</summary>
public record PhoneTasks(IReadOnlyList<PhoneSpotCheck> SpotChecks, DateTimeOffset? CheckInDue, IReadOnlyList<PendingRollCall> RollCalls);
