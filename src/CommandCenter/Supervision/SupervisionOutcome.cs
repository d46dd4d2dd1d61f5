namespace CommandCenter.Supervision;

/// <summary>How a change to a subject's supervision ended: what was stored, or the status and reason it was refused.</summary>
public record SupervisionOutcome(object? Stored, int Status, string? Refusal)
{
    public static SupervisionOutcome Done(object stored, int status = StatusCodes.Status200OK) => new(stored, status, null);

    public static SupervisionOutcome Refused(int status, string reason) => new(null, status, reason);

    public IResult ToResult() => Stored is not null
        ? Results.Json(Stored, statusCode: Status)
        : TypedResults.Problem(statusCode: Status, title: Status == StatusCodes.Status404NotFound ? "Not found." : "Refused.", detail: Refusal);
}
