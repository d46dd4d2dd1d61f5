namespace CommandCenter.Subjects.CoDefendants;

/// <summary>
/// Two subjects recorded as co-defendants (同案犯) of one case. The link is symmetric and stored once, the lower id
/// first (a check constraint and a unique index keep it so), so neither side can hold it twice.
/// </summary>
public class CoDefendantLink
{
    public int Id { get; set; }

    /// <summary>The lower of the two subjects' ids.</summary>
    public int SubjectId { get; set; }

    /// <summary>The higher of the two.</summary>
    public int OtherSubjectId { get; set; }

    public required string LinkedBy { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}
