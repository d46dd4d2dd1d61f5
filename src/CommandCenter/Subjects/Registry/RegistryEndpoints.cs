using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Subjects.Registry;

/// <summary>Search, read, take in and change subjects. Names and numbers are answered masked.</summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder subjects)
    {
        subjects.MapGet("/", SearchAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("Searches subjects by case number (part of it), name (part of it; answered masked), squad, correction type, supervision and risk level, status and where their positioning orders stand; pages of pageSize (default 25), page from 1. A squad leader finds only their squad's.")
            .Produces<SubjectResults>();
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
            .WithSummary("Changes a subject; an empty name, idNumber, phone or homeAddress keeps the stored one. A releaseDate releases them (解矫) and ends their positioning orders. 400 names every invalid field.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return subjects;
    }

    private static async Task<IResult> SearchAsync([AsParameters] SubjectSearch search, ClaimsPrincipal user, SubjectQueries queries, CancellationToken cancellationToken) =>
        search.OutOfBounds() is { Count: > 0 } errors
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await queries.SearchAsync(search, user, cancellationToken));

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, SubjectQueries queries, CancellationToken cancellationToken) =>
        await queries.DetailAsync(id, user, cancellationToken) is { } detail ? TypedResults.Ok(detail) : SubjectProblems.NotFound(id);

    private static async Task<IResult> AddAsync(HttpRequest http, ClaimsPrincipal user, SubjectStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonInput.ReadAsync<SubjectInput>(http, cancellationToken);
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
        var (input, problem) = await JsonInput.ReadAsync<SubjectInput>(http, cancellationToken);
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
