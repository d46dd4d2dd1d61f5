using System.Security.Claims;
using CommandCenter.Devices;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// The protected people's set-up API (双向定位), for those who manage devices; a squad leader only their squad's people
/// and subjects. Names are answered masked, the phone's key only in the answer that issues it, and where a person is, never.
/// </summary>
public static class ProtectedPersonEndpoints
{
    public static IEndpointRouteBuilder MapProtectedPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/protected-persons").WithTags("Protected people").RequireAuthorization(Policies.ManageDevices);
        people.MapGet("/", ListAsync)
            .WithSummary("The protected people (names masked), their phones, linked subjects and radii, and when each phone last reported; never where they are.")
            .Produces<List<ProtectedPersonRow>>();
        people.MapPost("/", EnrolAsync)
            .Accepts<ProtectedPersonInput>("application/json")
            .WithSummary("Enrols a protected person (name, serial of their phone, squadId; a squad leader's own squad) and answers the phone's key, once, with the server URL for Traccar Client. 400 names the field; 409 when an active phone has the serial.")
            .Produces<ProtectedIssuedKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPut("/{id:int}/links", LinkAsync)
            .Accepts<ProtectedLinkInput>("application/json")
            .WithSummary("Links a subject in correction to the person (subjectId, exclusionMetres, warningMetres; the settings' defaults where left out), or changes an existing link's radii. 400 names the field (a subject outside the caller's squad is unknown); 404 for a person the caller may not reach.")
            .Produces<ProtectedPersonRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapDelete("/{id:int}/links/{subjectId:int}", UnlinkAsync)
            .WithSummary("Ends a link; the subject's alerts about the person are marked cleared by the rules.")
            .Produces<ProtectedPersonRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/{id:int}/retire", RetireAsync)
            .WithSummary("Retires the person: the phone's key is refused at once and the linked subjects' rules forget them.")
            .Produces<ProtectedPersonRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapProtectedPositions();
        return app;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ProtectedPersonQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, cancellationToken));

    private static async Task<IResult> EnrolAsync(HttpRequest http, ClaimsPrincipal user, ProtectedPersonStore store, ProtectedPhoneSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<ProtectedPersonInput>(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await store.EnrolAsync(input!, user, cancellationToken);
        return outcome is { Kind: DeviceOutcomeKind.Done, Key: { } key, Person: { } person }
            ? TypedResults.Created($"/api/v1/protected-persons/{person.Id}", new ProtectedIssuedKey(person, key, setup.ServerUrl($"{http.Scheme}://{http.Host}{http.PathBase}", key)))
            : Answer(outcome, 0);
    }

    private static async Task<IResult> LinkAsync(int id, HttpRequest http, ClaimsPrincipal user, ProtectedPersonStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<ProtectedLinkInput>(http, cancellationToken);
        return problem ?? Answer(await store.LinkAsync(id, input!, user, cancellationToken), id);
    }

    private static async Task<IResult> UnlinkAsync(int id, int subjectId, ClaimsPrincipal user, ProtectedPersonStore store, CancellationToken cancellationToken) =>
        Answer(await store.UnlinkAsync(id, subjectId, user, cancellationToken), id);

    private static async Task<IResult> RetireAsync(int id, ClaimsPrincipal user, ProtectedPersonStore store, CancellationToken cancellationToken) =>
        Answer(await store.RetireAsync(id, user, cancellationToken), id);

    private static IResult Answer(ProtectedPersonOutcome outcome, int id) => outcome.Kind switch
    {
        DeviceOutcomeKind.Done => TypedResults.Ok(outcome.Person),
        DeviceOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!, title: "The protected person was not changed; nothing was stored."),
        DeviceOutcomeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such protected person or link.",
            detail: $"There is no active protected person {id} (or no such link) you may reach."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The protected person was not changed; nothing was stored.",
            detail: string.Join(" ", outcome.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
    };
}
