using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Cameras;

public static class CameraEndpoints
{
    public static IEndpointRouteBuilder MapCameras(this IEndpointRouteBuilder app)
    {
        var cameras = app.MapGroup("/api/v1/cameras").WithTags("Cameras");
        cameras.MapGet("/", (CameraQueries queries, bool? includeRetired, CancellationToken ct) => queries.AllAsync(includeRetired == true, ct))
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The camera registry; retired cameras only with includeRetired=true.");
        cameras.MapGet("/nearest", NearestAsync)
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The cameras nearest a WGS-84 point, nearest first, with their distance in metres; limit 1 to 50 (default 4), withinMeters optional.");
        cameras.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Adds a camera; 400 names every invalid field.");
        cameras.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Changes a camera; 400 names every invalid field, 404 if there is no such camera, 409 if a version is given and the camera has changed since.");
        cameras.MapPost("/{id:int}/retire", (int id, uint? version, ClaimsPrincipal user, CameraStore store, CancellationToken ct) =>
                ChangeStateAsync(store.SetRetiredAsync(id, retired: true, version, user.Identity!.Name!, ct), id))
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Retires a camera (optional ?version=): its record and history stay; the wall and the nearest-camera search no longer offer it. 404 unknown, 409 stale version.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cameras.MapPost("/{id:int}/reinstate", (int id, uint? version, ClaimsPrincipal user, CameraStore store, CancellationToken ct) =>
                ChangeStateAsync(store.SetRetiredAsync(id, retired: false, version, user.Identity!.Name!, ct), id))
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Returns a retired camera to service (optional ?version=). 404 unknown, 409 stale version.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cameras.MapDelete("/{id:int}", (int id, uint? version, ClaimsPrincipal user, CameraStore store, CancellationToken ct) =>
                ChangeStateAsync(store.DeleteAsync(id, version, user.Identity!.Name!, ct), id))
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Deletes a camera that nothing refers to (optional ?version=); 409 names every table and column that refers to it (retire it instead), or a stale version; 404 unknown.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cameras.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<string>("text/csv")
            .WithSummary("Imports a CSV (header: code,name,latitude,longitude[,stream_url,snapshot_url,online]); a camera whose code exists is updated. A file with any bad cell imports nothing and the 400 names each by row and column.");
        return app;
    }

    private static async Task<IResult> NearestAsync(CameraQueries queries, double? lat, double? lon, int? limit, double? withinMeters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (lat is not (>= -90 and <= 90))
        {
            errors["lat"] = ["lat is required, between -90 and 90."];
        }

        if (lon is not (>= -180 and <= 180))
        {
            errors["lon"] = ["lon is required, between -180 and 180."];
        }

        if (limit is < 1 or > 50)
        {
            errors["limit"] = ["limit must be between 1 and 50."];
        }

        if (withinMeters is <= 0 or > 100_000)
        {
            errors["withinMeters"] = ["withinMeters must be more than 0 and at most 100000."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await queries.NearestAsync(lat!.Value, lon!.Value, limit ?? 4, withinMeters, cancellationToken));
    }

    private static async Task<IResult> AddAsync(CameraInput input, ClaimsPrincipal user, CameraStore store, CancellationToken cancellationToken)
    {
        var (id, errors) = await store.SaveAsync(null, input, user.Identity!.Name!, cancellationToken);
        return id is null ? TypedResults.ValidationProblem(errors, title: "The camera was not stored.") : TypedResults.Created($"/api/v1/cameras/{id}", new { id });
    }

    private static async Task<IResult> ChangeAsync(int id, CameraInput input, ClaimsPrincipal user, CameraStore store, CancellationToken cancellationToken)
    {
        var (saved, errors) = await store.SaveAsync(id, input, user.Identity!.Name!, cancellationToken);
        if (saved is not null)
        {
            return TypedResults.NoContent();
        }

        if (errors.ContainsKey(CameraStore.StaleKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The camera has changed since it was read.", detail: errors[CameraStore.StaleKey][0]);
        }

        return errors.ContainsKey("id")
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such camera.", detail: errors["id"][0])
            : TypedResults.ValidationProblem(errors, title: "The camera was not changed.");
    }

    private static async Task<IResult> ChangeStateAsync(Task<CameraChange> change, int id)
    {
        var outcome = await change;
        return outcome.Kind switch
        {
            CameraChangeKind.Done => TypedResults.NoContent(),
            CameraChangeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such camera.", detail: $"There is no camera {id}."),
            CameraChangeKind.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The camera has changed since it was read.",
                detail: "Read it again and decide afresh; nothing was stored."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The camera is referred to and was not deleted; retire it instead.",
                detail: "Referred to by " + string.Join(", ", outcome.References!.Select(r => $"{r.Key} ({r.Value} rows)")) + ".",
                extensions: new Dictionary<string, object?> { ["references"] = outcome.References }),
        };
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, CameraStore store, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var (added, updated, errors) = await store.ImportAsync(await reader.ReadToEndAsync(cancellationToken), user.Identity!.Name!, cancellationToken);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "Nothing was imported.")
            : TypedResults.Ok(new { added, updated });
    }
}
