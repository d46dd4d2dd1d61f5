namespace CommandCenter.Subjects.CoDefendants;

/// <summary>Links the subject with another as co-defendants: <c>{"otherSubjectId": 12}</c>.</summary>
public sealed class CoDefendantRequest
{
    public int? OtherSubjectId { get; set; }
}
