namespace CommandCenter.Fences;

/// <summary>
/// The outcome of a write to the fences: what was stored (and the repairs made to the geometry), or why
/// nothing was, as the HTTP status that says so (400 bad input, 404 no such fence, 409 not possible now).
/// </summary>
public sealed record FenceSaveResult(int Status, int? Id, IReadOnlyList<string> Repairs, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Status < 300;

    public static FenceSaveResult Saved(int id, IReadOnlyList<string> repairs) => new(StatusCodes.Status200OK, id, repairs, []);

    public static FenceSaveResult Invalid(Dictionary<string, string[]> errors) => new(StatusCodes.Status400BadRequest, null, [], errors);

    public static FenceSaveResult NotFound(int id) => new(StatusCodes.Status404NotFound, null, [], new() { ["id"] = [$"There is no fence {id}."] });

    public static FenceSaveResult Conflict(string field, string reason) => new(StatusCodes.Status409Conflict, null, [], new() { [field] = [reason] });

    /// <summary>The first message, for a problem's detail or a snackbar.</summary>
    public string? Message => Errors.Values.SelectMany(m => m).FirstOrDefault();
}
