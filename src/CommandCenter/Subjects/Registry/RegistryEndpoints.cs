using CommandCenter.Kit;
using System.Security.Claims;
using CommandCenter.Security;
using CommandCenter.Subjects.Privacy;

namespace CommandCenter.Subjects.Registry;

/// <summary>Search, read, take in and change subjects. Names and numbers are answered masked.</summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder subjects)
    {
        subjects.MapGet("/", SearchAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("Searches subjects by case number (part of it), full name (only the whole name matches; needs the unmask permission and a purpose, 400 without one, and is audited as an unmasking; answered masked), squad, correction type, supervision and risk level, status and where their positioning orders stand; pages of pageSize (default 25), page from 1. A squad leader finds only their squad's.")
            .Produces<SubjectResults>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        subjects.MapGet("/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("A subject's record, personal data masked, with their positioning orders.")
            .Produces<SubjectDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        subjects.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<SubjectInput>("application/json")
            .WithSummary("Takes a subject in; 400 names every invalid field (the ID number's check digit is verified) and nothing is stored.")
            .ProducesValidationProblem();
        subjects.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<SubjectInput>("application/json")
            .WithSummary("Changes a subject; an empty name, idNumber, phone, homeAddress or homeLatitude/homeLongitude keeps the stored one. A releaseDate releases them (解矫) and ends their positioning orders. 400 names every invalid field.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return subjects;
    }

    private static async Task<IResult> SearchAsync(
        [AsParameters] SubjectSearch search, ClaimsPrincipal user, HttpContext context, SubjectQueries queries, CancellationToken cancellationToken)
    {
        if (search.OutOfBounds() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await queries.SearchAsync(search, user, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return outcome.Status switch
        {
            StatusCodes.Status403Forbidden => TypedResults.Problem(statusCode: outcome.Status, title: "A search by name needs the permission to unmask personal data."),
            StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [outcome.Field!] = [$"A search by name is an unmasking: state its purpose ({SubjectCards.MinPurposeLength} to {SubjectQueries.MaxPurposeLength} characters)."],
            }),
            _ => TypedResults.Ok(outcome.Results),
        };
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, SubjectQueries queries, CancellationToken cancellationToken) =>
        await queries.DetailAsync(id, user, cancellationToken) is { } detail ? TypedResults.Ok(detail) : SubjectProblems.NotFound(id);

    private static async Task<IResult> AddAsync(HttpRequest http, ClaimsPrincipal user, SubjectStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SubjectInput>(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await store.SaveAsync(null, input!, user.Identity!.Name!, cancellationToken);
        return result.Saved
            ? TypedResults.Created($"/api/v1/subjects/{result.Id}", new { id = result.Id })
            : TypedResults.ValidationProblem(result.Errors, title: "The subject was not stored.");
    }

    private static async Task<IResult> ChangeAsync(int id, HttpRequest http, ClaimsPrincipal user, SubjectStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SubjectInput>(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await store.SaveAsync(id, input!, user.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return SubjectProblems.NotFound(id);
        }

        return result.Saved ? TypedResults.NoContent() : TypedResults.ValidationProblem(result.Errors, title: "The subject was not changed.");
    }
}
