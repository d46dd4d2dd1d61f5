using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// An approved leave permit (外出审批): from <see cref="From"/> to <see cref="To"/> the subject may be
/// away, so leaving the permitted and home zones is no violation, but being outside
/// <see cref="Destination"/> is one.
/// </summary>
/// <param name="PermitId">The permit's id.</param>
/// <param name="From">When the leave starts.</param>
/// <param name="To">When the leave ends; the subject must be back by then.</param>
/// <param name="Destination">The permitted destination area (an inclusion fence; its buffer absorbs drift).</param>
public sealed record ApprovedLeave(long PermitId, DateTimeOffset From, DateTimeOffset To, FenceDefinition Destination)
{
    /// <summary>
    /// Whether the leave had already ended, its grace included, before the rules read it (the host was down at its
    /// end, or its judgement was not stored yet). Whether the subject was back is then judged by <see cref="FixByEnd"/>,
    /// not by the newest fix, which may be one taken after they came back late.
    /// </summary>
    public bool EndedUnseen { get; init; }

    /// <summary>For a leave <see cref="EndedUnseen"/>: the subject's last fix taken from its start to the end of its grace; null when none was.</summary>
    public LastFix? FixByEnd { get; init; }

    /// <summary>Whether the permit covers an instant.</summary>
    public bool Covers(DateTimeOffset instant) => instant >= From && instant <= To;
}
