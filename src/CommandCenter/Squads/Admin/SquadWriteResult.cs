namespace CommandCenter.Squads.Admin;

/// <summary>
/// The outcome of a change to the squads: the squad and its new version, or why nothing was stored, as the
/// HTTP status that says so (400 bad input naming the field, 404 no such squad, 409 stale or still in use).
/// </summary>
public sealed record SquadWriteResult(int Status, int? Id, int? Version, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Status < 300;

    public static SquadWriteResult Saved(int id, int version) => new(StatusCodes.Status200OK, id, version, []);

    public static SquadWriteResult Invalid(Dictionary<string, string[]> errors) => new(StatusCodes.Status400BadRequest, null, null, errors);

    public static SquadWriteResult NotFound(int id) => new(StatusCodes.Status404NotFound, null, null, new() { ["id"] = [$"There is no squad {id}."] });

    public static SquadWriteResult Conflict(string field, string reason) => new(StatusCodes.Status409Conflict, null, null, new() { [field] = [reason] });

    /// <summary>Every message, one per line, for a problem's detail or the page.</summary>
    public string Message => string.Join(" ", Errors.Values.SelectMany(m => m));
}
