using System.Globalization;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// What a rule says about an alert (the battery level, the deadline missed, the permit breached), as a message
/// key and its arguments. The rules write no sentences: the host stores the key and the arguments and each
/// screen renders them in its reader's language, so the same alert reads in Chinese on one desk and in English
/// on another. Arguments are formatted invariantly (dates as yyyy-MM-dd, times as HH:mm on the site's clock).
/// </summary>
/// <param name="Key">The message key; one of the constants of this type.</param>
/// <param name="Args">The values the message names, in the order its text uses them.</param>
public sealed record AlertDetail(string Key, IReadOnlyList<string> Args)
{
    /// <summary>The device reported tampering or a cut strap.</summary>
    public const string TamperKey = "AlertDetail.Tamper";

    /// <summary>The device reported that it was powered off.</summary>
    public const string PowerOffKey = "AlertDetail.PowerOff";

    /// <summary>The battery's level: {0} percent.</summary>
    public const string LowBatteryKey = "AlertDetail.LowBattery";

    /// <summary>The last contact {0} (MM-dd HH:mm) and the minutes of silence since {1}.</summary>
    public const string OfflineKey = "AlertDetail.Offline";

    /// <summary>The check-in deadline missed: {0} (yyyy-MM-dd HH:mm).</summary>
    public const string MissedCheckInKey = "AlertDetail.MissedCheckIn";

    /// <summary>The positioning order ends today, {0} (yyyy-MM-dd).</summary>
    public const string OrderEndsTodayKey = "AlertDetail.OrderEndsToday";

    /// <summary>The positioning order ends on {0} (yyyy-MM-dd), {1} days from now.</summary>
    public const string OrderEndsInKey = "AlertDetail.OrderEndsIn";

    /// <summary>Outside the destination of leave permit {0}.</summary>
    public const string OutsideLeaveDestinationKey = "AlertDetail.OutsideLeaveDestination";

    /// <summary>Not back in the county by the end of leave permit {0}, which ended at {1} (yyyy-MM-dd HH:mm).</summary>
    public const string LeaveOverdueKey = "AlertDetail.LeaveOverdue";

    /// <summary>Nobody acknowledged the alert within {0} minutes (the note of an escalation step).</summary>
    public const string EscalatedKey = "AlertDetail.Escalated";

    /// <summary>Args: the spot check's deadline (site time).</summary>
    public const string SpotCheckUnansweredKey = "AlertDetail.SpotCheckUnanswered";

    /// <summary>Args: the deadline and the answer's time (site time).</summary>
    public const string SpotCheckLateKey = "AlertDetail.SpotCheckLate";

    /// <summary>Args: the answer's distance from where the person should be, and the allowed distance, in metres.</summary>
    public const string SpotCheckOutOfPlaceKey = "AlertDetail.SpotCheckOutOfPlace";

    /// <summary>Args: the share of the last week's movement made at night and the same share over the person's earlier weeks, in percent.</summary>
    public const string NightActivityKey = "AlertDetail.NightActivity";

    /// <summary>Args: the other person's case number, the distance and the minutes the settings name.</summary>
    public const string CoDefendantMeetingKey = "AlertDetail.CoDefendantMeeting";
    /// <summary>Args: the camera's name and the roll call's deadline (site time).</summary>
    public const string RollCallAbsentKey = "AlertDetail.RollCallAbsent";
    /// <summary>Args: the distance to the nearest protected person and the early-warning radius, in metres; never where the person is.</summary>
    public const string ProtectedPersonNearKey = "AlertDetail.ProtectedPersonNear";

    /// <summary>Args: the distance to the nearest protected person and the exclusion radius, in metres; never where the person is.</summary>
    public const string ProtectedPersonBreachKey = "AlertDetail.ProtectedPersonBreach";

    /// <summary>Every key a rule or the lifecycle may write; each has a text in every language of the host.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [TamperKey, PowerOffKey, LowBatteryKey, OfflineKey, MissedCheckInKey, OrderEndsTodayKey, OrderEndsInKey, OutsideLeaveDestinationKey, LeaveOverdueKey, EscalatedKey,
         SpotCheckUnansweredKey, SpotCheckLateKey, SpotCheckOutOfPlaceKey, NightActivityKey, CoDefendantMeetingKey, RollCallAbsentKey,
         ProtectedPersonNearKey, ProtectedPersonBreachKey];

    /// <summary>The device reported tampering or a cut strap (防拆 / 人机分离).</summary>
    public static AlertDetail Tamper() => new(TamperKey, []);

    /// <summary>The device reported that it was powered off (关机).</summary>
    public static AlertDetail PowerOff() => new(PowerOffKey, []);

    /// <summary>The battery's level in percent.</summary>
    public static AlertDetail LowBattery(int percent) => new(LowBatteryKey, [Invariant($"{percent}")]);

    /// <summary>The last contact on the site's clock and how long the device has been silent.</summary>
    public static AlertDetail Offline(DateTimeOffset lastContactLocal, TimeSpan silence) =>
        new(OfflineKey, [Invariant($"{lastContactLocal:MM-dd HH:mm}"), Invariant($"{(int)silence.TotalMinutes}")]);

    /// <summary>The check-in deadline that passed, on the site's clock.</summary>
    public static AlertDetail MissedCheckIn(DateTimeOffset deadlineLocal) => new(MissedCheckInKey, [Invariant($"{deadlineLocal:yyyy-MM-dd HH:mm}")]);

    /// <summary>The positioning order's last day, today or <paramref name="daysLeft"/> days away.</summary>
    public static AlertDetail OrderEnds(DateOnly end, int daysLeft) => daysLeft == 0
        ? new(OrderEndsTodayKey, [Invariant($"{end:yyyy-MM-dd}")])
        : new(OrderEndsInKey, [Invariant($"{end:yyyy-MM-dd}"), Invariant($"{daysLeft}")]);

    /// <summary>The subject is on approved leave but outside both the county and the permit's destination.</summary>
    public static AlertDetail OutsideLeaveDestination(long permitId) => new(OutsideLeaveDestinationKey, [Invariant($"{permitId}")]);

    /// <summary>The subject was not back in the county when the permit ended, on the site's clock.</summary>
    public static AlertDetail LeaveOverdue(long permitId, DateTimeOffset endLocal) =>
        new(LeaveOverdueKey, [Invariant($"{permitId}"), Invariant($"{endLocal:yyyy-MM-dd HH:mm}")]);

    /// <summary>A spot check had no answer by its deadline, on the site's clock.</summary>
    public static AlertDetail SpotCheckUnanswered(DateTimeOffset deadlineLocal) => new(SpotCheckUnansweredKey, [Invariant($"{deadlineLocal:yyyy-MM-dd HH:mm}")]);

    /// <summary>A spot check was answered after its deadline, both on the site's clock.</summary>
    public static AlertDetail SpotCheckLate(DateTimeOffset deadlineLocal, DateTimeOffset answeredLocal) =>
        new(SpotCheckLateKey, [Invariant($"{deadlineLocal:yyyy-MM-dd HH:mm}"), Invariant($"{answeredLocal:HH:mm}")]);

    /// <summary>A spot check was answered from farther than allowed from where the person should be.</summary>
    public static AlertDetail SpotCheckOutOfPlace(double distanceMetres, double allowedMetres) =>
        new(SpotCheckOutOfPlaceKey, [Invariant($"{distanceMetres:0}"), Invariant($"{allowedMetres:0}")]);

    /// <summary>The night share of the last week's movement against the person's own earlier weeks, both in whole percent.</summary>
    public static AlertDetail NightActivity(double recentShare, double earlierShare) =>
        new(NightActivityKey, [Invariant($"{recentShare * 100:0}"), Invariant($"{earlierShare * 100:0}")]);

    /// <summary>Close to a co-defendant: their case number, and the distance and time the settings call a meeting.</summary>
    public static AlertDetail CoDefendantMeeting(string otherCode, double withinMetres, TimeSpan sustained) =>
        new(CoDefendantMeetingKey, [otherCode, Invariant($"{withinMetres:0}"), Invariant($"{sustained.TotalMinutes:0}")]);
    /// <summary>The person was marked absent at a roll call before this camera, due by this time on the site's clock.</summary>
    public static AlertDetail RollCallAbsent(string cameraName, DateTimeOffset deadlineLocal) =>
        new(RollCallAbsentKey, [cameraName, Invariant($"{deadlineLocal:yyyy-MM-dd HH:mm}")]);
    /// <summary>How far the subject is from the nearest protected person, against the radius the rule holds to, in whole metres.</summary>
    public static AlertDetail ProtectedPerson(Lifecycle.AlertRule rule, double distanceMetres, double radiusMetres) =>
        new(rule == Lifecycle.AlertRule.ProtectedPersonBreach ? ProtectedPersonBreachKey : ProtectedPersonNearKey,
            [Invariant($"{distanceMetres:0}"), Invariant($"{radiusMetres:0}")]);

    /// <summary>The alert waited this long for an acknowledgement before it escalated.</summary>
    public static AlertDetail Escalated(TimeSpan waited) => new(EscalatedKey, [Invariant($"{waited.TotalMinutes:0}")]);

    /// <inheritdoc />
    public bool Equals(AlertDetail? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Key}({string.Join(", ", Args)})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
