namespace CommandCenter.Supervision;

/// <summary>
/// How a change to a subject's supervision ended: what was stored, or the status and reason it was refused, with
/// the name of the rule that refused it where one did (the problem's <c>rule</c>, for programs).
/// </summary>
public record SupervisionOutcome(object? Stored, int Status, string? Refusal, string? Rule = null)
{
    public static SupervisionOutcome Done(object stored, int status = StatusCodes.Status200OK) => new(stored, status, null);

    public static SupervisionOutcome Refused(int status, string reason, string? rule = null) => new(null, status, reason, rule);

    public IResult ToResult() => Stored is not null
        ? Results.Json(Stored, statusCode: Status)
        : TypedResults.Problem(statusCode: Status, title: Status == StatusCodes.Status404NotFound ? "Not found." : "Refused.", detail: Refusal,
            extensions: Rule is null ? null : new Dictionary<string, object?> { ["rule"] = Rule });
}
