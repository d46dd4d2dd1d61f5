namespace CommandCenter.Subjects;

/// <summary>Where an electronic-positioning order stands. Only an approved order can be in force.</summary>
public enum PositioningOrderStatus
{
    /// <summary>Requested by an officer, awaiting the bureau head's decision; not in force anywhere.</summary>
    Requested,
    /// <summary>Approved by the bureau head; in force from its start to its (early) end.</summary>
    Approved,
    /// <summary>Refused by the bureau head; never in force.</summary>
    Rejected,
}
