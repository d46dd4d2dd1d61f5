using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.Subjects.CoDefendants;

/// <summary>A subject's co-defendants (同案犯), whom 同案犯聚集 watches; for the people acting on alerts, a squad leader within their squad.</summary>
public static class CoDefendantEndpoints
{
    public static RouteGroupBuilder MapCoDefendants(this RouteGroupBuilder subjects)
    {
        const string Route = "/{subjectId:int}/co-defendants";
        subjects.MapGet(Route, async (int subjectId, ClaimsPrincipal user, CoDefendantStore store, CancellationToken ct) =>
                await store.ListAsync(subjectId, user, ct) is { } linked ? Results.Ok(linked) : NoSubject(subjectId))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("The subject's co-defendants by case number; the link is the same from either side.")
            .Produces<IReadOnlyList<CoDefendantView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        subjects.MapPost(Route, async (int subjectId, HttpContext http, CoDefendantStore store, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<CoDefendantRequest>(http.Request, optional: false, ct);
                return problem ?? (await store.LinkAsync(subjectId, body!, http.User, ct)).ToResult();
            })
            .RequireAuthorization(Policies.ActOnAlerts)
            .Accepts<CoDefendantRequest>("application/json")
            .WithSummary("Links the subject with another as co-defendants: {otherSubjectId}. 400 for oneself, 404 for a subject not there or outside a squad leader's squad, 409 when already linked; audited on both subjects.")
            .Produces<IReadOnlyList<CoDefendantView>>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        subjects.MapDelete(Route + "/{otherSubjectId:int}", async (int subjectId, int otherSubjectId, ClaimsPrincipal user, CoDefendantStore store, CancellationToken ct) =>
                (await store.UnlinkAsync(subjectId, otherSubjectId, user, ct)).ToResult())
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("Removes the co-defendant link between the two subjects, from either side; audited on both.")
            .Produces<IReadOnlyList<CoDefendantView>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return subjects;
    }

    private static IResult NoSubject(int subjectId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no subject {subjectId}.");
}
