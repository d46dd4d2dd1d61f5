using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// The engine's memory of one subject. A transaction works on a copy and the copy replaces the original
/// only when storage has committed, so a failed write leaves the engine as it was.
/// </summary>
internal sealed class SubjectState(SubjectFacts facts)
{
    public SubjectFacts Facts { get; set; } = facts;

    public LastFix? LastFix { get; set; }

    public DateTimeOffset? LastContact { get; set; }

    /// <summary>Crossings seen but not confirmed.</summary>
    public Dictionary<RuleKey, PendingBreach> Pending { get; private init; } = [];

    /// <summary>Conditions alerted and not yet ended.</summary>
    public HashSet<RuleKey> Active { get; private init; } = [];

    public CheckInCadence? CheckIns { get; set; }

    public DateTimeOffset? LastCheckIn { get; set; }

    /// <summary>The check-in deadline last alerted as missed.</summary>
    public DateTimeOffset? MissedDeadlineAlerted { get; set; }

    /// <summary>When the check-in rule next needs a look (the next deadline); derived, so recomputed when unknown.</summary>
    public DateTimeOffset? CheckInReviewAt { get; set; }

    public OrderReminder? OrderReminder { get; set; }

    public IReadOnlyList<ApprovedLeave> Leaves { get; set; } = [];

    /// <summary>Spot checks not yet judged.</summary>
    public IReadOnlyList<SpotCheckDue> SpotChecks { get; set; } = [];

    /// <summary>When the newest failed spot check raised became known; failures known no later are not raised again.</summary>
    public DateTimeOffset? SpotChecksAlertedUpTo { get; set; }

    /// <summary>Absences marked at roll calls and not yet weighed.</summary>
    public IReadOnlyList<RollCallAbsence> RollCallAbsences { get; set; } = [];

    /// <summary>When the newest absence raised was marked; absences marked no later are not raised again.</summary>
    public DateTimeOffset? RollCallsAlertedUpTo { get; set; }
    /// <summary>The protected people the subject must keep away from, with their newest positions.</summary>
    public IReadOnlyList<ProtectedPersonLink> ProtectedPeople { get; set; } = [];

    /// <summary>Whether any place rule is pending or active, which timers must then look at.</summary>
    public bool WatchesPlace => Pending.Count > 0 || Active.Any(k => k.IsAboutPlace);

    public ApprovedLeave? LeaveAt(DateTimeOffset instant)
    {
        foreach (var leave in Leaves)
        {
            if (leave.Covers(instant))
            {
                return leave;
            }
        }

        return null;
    }

    public SubjectState Clone() => new(Facts)
    {
        LastFix = LastFix,
        LastContact = LastContact,
        Pending = new Dictionary<RuleKey, PendingBreach>(Pending),
        Active = [.. Active],
        CheckIns = CheckIns,
        LastCheckIn = LastCheckIn,
        MissedDeadlineAlerted = MissedDeadlineAlerted,
        CheckInReviewAt = CheckInReviewAt,
        OrderReminder = OrderReminder,
        Leaves = Leaves,
        SpotChecks = SpotChecks,
        SpotChecksAlertedUpTo = SpotChecksAlertedUpTo,
        RollCallAbsences = RollCallAbsences,
        RollCallsAlertedUpTo = RollCallsAlertedUpTo,
        ProtectedPeople = ProtectedPeople,
    };
}
