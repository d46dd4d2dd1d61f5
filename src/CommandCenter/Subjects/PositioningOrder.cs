using System.Linq.Expressions;

namespace CommandCenter.Subjects;

/// <summary>
/// An electronic-positioning order (电子定位决定). While none is in force for a subject, the product
/// must not show that subject's live location (Community Corrections Law, art. 29). An officer requests
/// it, the bureau head approves or rejects it; an extension is an order of its own that starts the day
/// after the order it extends ends.
/// </summary>
public class PositioningOrder
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public PositioningReason Reason { get; set; }

    /// <summary>A new order is a request: nothing is in force until the bureau head approves it.</summary>
    public PositioningOrderStatus Status { get; set; } = PositioningOrderStatus.Requested;

    public DateOnly StartDate { get; set; }

    /// <summary>The last day the order is in force (inclusive); at most 3 months after its start.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>The order this one extends, when it is an extension.</summary>
    public int? ExtendsOrderId { get; set; }

    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The facts behind the ground; for an extension, the reassessment that justifies it.</summary>
    public string? RequestNote { get; set; }

    /// <summary>Who approved or rejected the request.</summary>
    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why a request was rejected.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>
    /// Set when the order was lifted before its end date because it was no longer needed: the last day it
    /// was in force. It may fall before <see cref="StartDate"/>, for an order lifted before it began.
    /// </summary>
    public DateOnly? EndedEarlyOn { get; set; }

    public string? EndedEarlyBy { get; set; }
    public string? EndedEarlyReason { get; set; }

    public bool IsInForceOn(DateOnly day) =>
        Status == PositioningOrderStatus.Approved && day >= StartDate && day <= (EndedEarlyOn ?? EndDate);

    /// <summary>
    /// The same test as <see cref="IsInForceOn"/> for queries that the database runs. Every query that asks
    /// whether someone may be located must use this, so that a request awaiting approval never counts.
    /// </summary>
    public static Expression<Func<PositioningOrder, bool>> InForceOn(DateOnly day) =>
        o => o.Status == PositioningOrderStatus.Approved && o.StartDate <= day && (o.EndedEarlyOn ?? o.EndDate) >= day;
}
