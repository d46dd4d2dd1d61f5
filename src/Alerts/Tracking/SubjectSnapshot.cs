using CommandCenter.Alerts.Rules;

namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// What is known about a subject when the engine is (re)built from storage: the facts, the latest fix and
/// contact, the alert conditions still open, check-ins and leave permits.
/// </summary>
/// <param name="Facts">The subject's facts.</param>
public sealed record SubjectSnapshot(SubjectFacts Facts)
{
    /// <summary>The newest stored fix, if any.</summary>
    public LastFix? LastFix { get; init; }

    /// <summary>When the device was last heard from (a fix or an event); the newest fix's arrival when unknown.</summary>
    public DateTimeOffset? LastContact { get; init; }

    /// <summary>The rules (and fences) of the subject's open alerts whose condition has not been marked cleared.</summary>
    public IReadOnlyCollection<RuleKey> OpenConditions { get; init; } = [];

    /// <summary>The check-in cadence, if one is set.</summary>
    public CheckInCadence? CheckIns { get; init; }

    /// <summary>When the subject last checked in.</summary>
    public DateTimeOffset? LastCheckIn { get; init; }

    /// <summary>The newest missed-check-in alert (any state), so that a restart does not raise the same deadline twice.</summary>
    public DateTimeOffset? LastMissedCheckInAlert { get; init; }

    /// <summary>The newest order-expiry alert (any state), so that a restart does not repeat a reminder.</summary>
    public DateTimeOffset? LastOrderExpiryAlert { get; init; }

    /// <summary>Leave permits that have not yet ended.</summary>
    public IReadOnlyList<ApprovedLeave> Leaves { get; init; } = [];

    /// <summary>Spot checks sent recently that the rules may still have to judge.</summary>
    public IReadOnlyList<SpotCheckDue> SpotChecks { get; init; } = [];

    /// <summary>The newest spot-check alert (any state), so that a restart does not raise a judged check again.</summary>
    public DateTimeOffset? LastSpotCheckFailedAlert { get; init; }

    /// <summary>Absences marked recently at roll calls, which the rules may still have to raise.</summary>
    public IReadOnlyList<RollCallAbsence> RollCallAbsences { get; init; } = [];

    /// <summary>The newest roll-call alert (any state), so that a restart does not raise an absence again.</summary>
    public DateTimeOffset? LastRollCallMissedAlert { get; init; }
    /// <summary>The protected people linked to the subject, with their newest positions.</summary>
    public IReadOnlyList<ProtectedPersonLink> ProtectedPeople { get; init; } = [];
}
