namespace CommandCenter.Subjects;

/// <summary>
/// An electronic-positioning order (电子定位决定). While none is in force for a subject, the product
/// must not show that subject's live location (Community Corrections Law, art. 29).
/// </summary>
public class PositioningOrder
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public PositioningReason Reason { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The last day the order is in force (inclusive); at most 3 months after the start or the last extension.</summary>
    public DateOnly EndDate { get; set; }

    public required string ApprovedBy { get; set; }

    /// <summary>Set when the order was lifted before its end date because it was no longer needed.</summary>
    public DateOnly? EndedEarlyOn { get; set; }

    public bool IsInForceOn(DateOnly day) => day >= StartDate && day <= (EndedEarlyOn ?? EndDate);
}
