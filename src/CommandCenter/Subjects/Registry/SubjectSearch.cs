namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A search of the subjects: every criterion optional; page is 1-based. A name matches only a full name, and
/// since finding a person by name reveals who is under correction, it is an unmasking: it needs the permission
/// and a stated purpose, and is audited. The rows are answered masked all the same. Page is bounded, so that no page number overflows
/// into the query's offset. HomeNotPlaced lists the people (imported from a list) whose home is still to be placed on the map.
/// </summary>
public sealed record SubjectSearch(
    string? Code = null,
    string? Name = null,
    int? SquadId = null,
    CorrectionType? CorrectionType = null,
    SupervisionLevel? SupervisionLevel = null,
    RiskLevel? RiskLevel = null,
    SubjectStatus? Status = null,
    OrderFilter? Order = null,
    int? Page = null,
    int? PageSize = null,
    string? Purpose = null,
    bool? HomeNotPlaced = null)
{
    /// <summary>Pages of one subject each reach this far in a county; page × pageSize then stays far from overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// The values out of bounds, by field. Checked by hand: the OpenAPI document fails on validation attributes
    /// of an [AsParameters] record (.NET 10).
    /// </summary>
    public Dictionary<string, string[]> OutOfBounds()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1 or > MaxPage)
        {
            errors["page"] = [$"page must be 1 to {MaxPage}."];
        }

        if (PageSize is < 1 or > 500)
        {
            errors["pageSize"] = ["pageSize must be 1 to 500."];
        }

        if (Code?.Length > 32 || Name?.Length > 64)
        {
            errors[Code?.Length > 32 ? "code" : "name"] = ["A case number takes at most 32 characters, a name 64."];
        }

        return errors;
    }
}
