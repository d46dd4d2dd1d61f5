using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Cameras;

public static class CameraEndpoints
{
    public static IEndpointRouteBuilder MapCameras(this IEndpointRouteBuilder app)
    {
        var cameras = app.MapGroup("/api/v1/cameras").WithTags("Cameras");
        cameras.MapGet("/", (CameraQueries queries, CancellationToken ct) => queries.AllAsync(ct))
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The camera registry.");
        cameras.MapGet("/nearest", NearestAsync)
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The cameras nearest a WGS-84 point, nearest first, with their distance in metres; limit 1 to 50 (default 4), withinMeters optional.");
        cameras.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Adds a camera; 400 names every invalid field.");
        cameras.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .WithSummary("Changes a camera; 400 names every invalid field, 404 if there is no such camera.");
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

        return errors.ContainsKey("id")
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such camera.", detail: errors["id"][0])
            : TypedResults.ValidationProblem(errors, title: "The camera was not changed.");
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
