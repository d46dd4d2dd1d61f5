namespace CommandCenter.Subjects.CoDefendants;

/// <summary>How a change to a subject's co-defendants ended: what is linked now, or the status and reason it was refused.</summary>
public sealed record CoDefendantOutcome(IReadOnlyList<CoDefendantView>? Linked, int Status, string? Refusal)
{
    public static CoDefendantOutcome Done(IReadOnlyList<CoDefendantView> linked, int status = StatusCodes.Status200OK) => new(linked, status, null);

    public static CoDefendantOutcome Refused(int status, string reason) => new(null, status, reason);

    public IResult ToResult() => Linked is not null
        ? Results.Json(Linked, statusCode: Status)
        : TypedResults.Problem(statusCode: Status, title: Status == StatusCodes.Status404NotFound ? "Not found." : "Refused.", detail: Refusal);
}
