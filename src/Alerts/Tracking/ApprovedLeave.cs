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
    /// <summary>Whether the permit covers an instant.</summary>
    public bool Covers(DateTimeOffset instant) => instant >= From && instant <= To;
}
