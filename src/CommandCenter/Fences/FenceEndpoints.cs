using System.Security.Claims;
using System.Text;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Subjects;

namespace CommandCenter.Fences;

/// <summary>The fences editor's API: read by whoever may see the map, written by those who keep the records.</summary>
public static class FenceEndpoints
{
    public static IEndpointRouteBuilder MapFences(this IEndpointRouteBuilder app)
    {
        var fences = app.MapGroup("/api/v1/fences").WithTags("Fences");
        fences.MapGet("/", (ClaimsPrincipal user, FenceQueries queries, CancellationToken ct) => queries.AllAsync(SquadScope.OfPeople(user), ct))
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("Every fence the caller may see (a squad leader: the county-wide ones and those naming their squad's people; a reader token: the county-wide ones), active first, with its area as a GeoJSON geometry (WGS-84), scope and schedule.");
        fences.MapGet("/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("One fence; 404 if there is no such fence or it is outside the caller's squad.");
        fences.MapGet("/export", ExportAsync)
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The active fences the caller may see as an RFC 7946 GeoJSON FeatureCollection (ids, kind, buffer, scope and schedule as properties) that the import reads back.");
        fences.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<FenceInput>("application/json")
            .WithSummary("Adds a fence; the area is a GeoJSON Polygon or MultiPolygon. 400 names every invalid field (an area's problem by polygon, ring and vertex); the answer lists repairs made to the area. Live in the rules at once.");
        fences.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<FenceInput>("application/json")
            .WithSummary("Replaces a fence's area and settings (active is kept when left out); 400 names every invalid field, 404 if there is no such fence, 409 if expectedUpdatedAt is given and the fence has changed since. Live in the rules at once.");
        fences.MapPost("/{id:int}/deactivate", DeactivateAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Takes a fence out of the rules but keeps it and the alerts that name it; 404 if there is no such fence.");
        fences.MapDelete("/{id:int}", DeleteAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Deletes a fence; 404 if there is no such fence, 409 if an alert names it (deactivate it instead).");
        fences.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<string>("application/geo+json", "application/json")
            .WithSummary("Imports an RFC 7946 FeatureCollection: a feature whose id is a stored fence replaces it, any other is added. Unambiguous faults (an open ring, a repeated point) are repaired and listed; any refused feature refuses the whole file, and the 400 names each problem by feature, polygon, ring and vertex or property.");
        app.MapFenceLayers();
        return app;
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, FenceQueries queries, CancellationToken cancellationToken) =>
        await queries.OneAsync(id, SquadScope.OfPeople(user), cancellationToken) is { } fence
            ? TypedResults.Ok(fence)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such fence.", detail: $"There is no fence {id}.");

    private static async Task<IResult> ExportAsync(ClaimsPrincipal user, FenceQueries queries, CancellationToken cancellationToken) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await queries.ExportAsync(SquadScope.OfPeople(user), cancellationToken)), "application/geo+json", "fences.geojson");

    private static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user, FenceStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<FenceInput>(request, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await store.SaveAsync(null, input, user.Identity!.Name!, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/fences/{result.Id}", new { id = result.Id, repairs = result.Repairs })
            : Refusal(result, "The fence was not stored.");
    }

    private static async Task<IResult> ChangeAsync(int id, HttpRequest request, ClaimsPrincipal user, FenceStore store, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<FenceInput>(request, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await store.SaveAsync(id, input, user.Identity!.Name!, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new { id, repairs = result.Repairs }) : Refusal(result, "The fence was not changed.");
    }

    private static async Task<IResult> DeactivateAsync(int id, ClaimsPrincipal user, FenceStore store, CancellationToken cancellationToken)
    {
        var result = await store.DeactivateAsync(id, user.Identity!.Name!, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Refusal(result, "The fence was not changed.");
    }

    private static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, FenceStore store, CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(id, user.Identity!.Name!, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Refusal(result, "The fence was not deleted.");
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, FenceStore store, CancellationToken cancellationToken)
    {
        var outcome = await store.ImportAsync(request.Body, user.Identity!.Name!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(new { added = outcome.Added, updated = outcome.Updated, repairs = outcome.Repairs })
            : TypedResults.ValidationProblem(outcome.Errors, title: "Nothing was imported.");
    }

    private static IResult Refusal(FenceSaveResult result, string title) => result.Status switch
    {
        StatusCodes.Status404NotFound => TypedResults.Problem(statusCode: result.Status, title: "No such fence.", detail: result.Message),
        StatusCodes.Status409Conflict => TypedResults.Problem(statusCode: result.Status, title: "Not possible now.", detail: result.Message),
        _ => TypedResults.ValidationProblem(result.Errors, title: title),
    };
}
