namespace CommandCenter.Subjects.Registry;

/// <summary>
/// What a search answered: its results, or why it was refused (a name search without the unmask permission:
/// 403; without a stated purpose: 400 naming the field, with a resource key for the page).
/// </summary>
public sealed record SubjectSearchOutcome(SubjectResults Results, int Status = StatusCodes.Status200OK, string? Field = null, string? MessageKey = null)
{
    public bool Refused => Status != StatusCodes.Status200OK;

    public static SubjectSearchOutcome Refuse(int status, int page, int size, string? field = null, string? messageKey = null) =>
        new(new SubjectResults(0, page, size, []), status, field, messageKey);
}
