using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Squads.Admin;

namespace CommandCenter.Squads;

public static class SquadEndpoints
{
    public static IEndpointRouteBuilder MapSquads(this IEndpointRouteBuilder app)
    {
        var squads = app.MapGroup("/api/v1/squads").WithTags("Squads");
        squads.MapGet("/", (ClaimsPrincipal user, SquadQueries queries, CancellationToken ct) => queries.BoardAsync(SquadScope.Of(user), ct))
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("Each active squad's state (Available, Dispatched, OnScene: from the alerts it was sent to) and its area's open alerts.");
        squads.MapGet("/suggestions", SuggestAsync)
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("The active squads to send to a WGS-84 point: the one whose area holds it, then the free ones nearest by base.");
        squads.MapGet("/details", (SquadAdmin admin, CancellationToken ct) => admin.AllAsync(ct))
            .RequireAuthorization(Policies.ManageSquads)
            .WithSummary("Every squad, retired ones included: contact details, base (lat, lon), area as GeoJSON (WGS-84) and the version a change must name.");
        squads.MapGet("/coverage", (SquadCoverage coverage, CancellationToken ct) => coverage.ReportAsync(ct))
            .RequireAuthorization(Policies.ManageSquads)
            .WithSummary("How the active squads cover the county: whether a county is set, and the part of it no squad covers (GeoJSON, WGS-84) with its size in m² (slivers under a hectare are not named).");
        squads.MapGet("/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ManageSquads)
            .WithSummary("One squad with its area and version; 404 if there is no such squad.");
        squads.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.ManageSquads)
            .Accepts<SquadInput>("application/json")
            .WithSummary("Adds a squad: code, name, leaderName, dutyPhone, base (GeoJSON Point) and area (GeoJSON Polygon or MultiPolygon, WGS-84, inside China, at most 5,000 vertices). 400 names every invalid field; an area overlapping another active squad's is refused naming that squad and the overlap's size.");
        squads.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.ManageSquads)
            .Accepts<SquadInput>("application/json")
            .WithSummary("Replaces an active squad's details, base and area; version (as read) is required. 400 names every invalid field or the overlapped squad, 404 if there is no such squad, 409 if it changed since that version or is retired.");
        squads.MapPost("/{id:int}/retire", RetireAsync)
            .RequireAuthorization(Policies.ManageSquads)
            .Accepts<SquadRetirement>("application/json")
            .WithSummary("Retires a squad (version as read is required): no longer offered for dispatch, intake or accounts, and its leaders lose its scope at once. 404 if there is no such squad; 409 if it changed since that version, or while open alerts, people under supervision or accounts still belong to it (named with their counts).");
        return app;
    }

    private static async Task<IResult> SuggestAsync(double? lat, double? lon, SquadQueries queries, CancellationToken cancellationToken)
    {
        if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lat,lon"] = ["lat (-90 to 90) and lon (-180 to 180) are required."] });
        }

        return TypedResults.Ok(await queries.SuggestAsync(lat.Value, lon.Value, cancellationToken));
    }

    private static async Task<IResult> GetAsync(int id, SquadAdmin admin, CancellationToken cancellationToken) =>
        await admin.OneAsync(id, cancellationToken) is { } squad
            ? TypedResults.Ok(squad)
            : Refusal(SquadWriteResult.NotFound(id), "No such squad.");

    private static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user, SquadAdmin admin, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SquadInput>(request, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await admin.SaveAsync(null, input, user.Identity!.Name!, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/squads/{result.Id}", new { id = result.Id, version = result.Version })
            : Refusal(result, "The squad was not stored.");
    }

    private static async Task<IResult> ChangeAsync(int id, HttpRequest request, ClaimsPrincipal user, SquadAdmin admin, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SquadInput>(request, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await admin.SaveAsync(id, input, user.Identity!.Name!, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new { id, version = result.Version }) : Refusal(result, "The squad was not changed.");
    }

    private static async Task<IResult> RetireAsync(int id, HttpRequest request, ClaimsPrincipal user, SquadAdmin admin, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SquadRetirement>(request, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var result = await admin.RetireAsync(id, input.Version, user.Identity!.Name!, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new { id, version = result.Version }) : Refusal(result, "The squad was not retired.");
    }

    private static IResult Refusal(SquadWriteResult result, string title) => result.Status switch
    {
        StatusCodes.Status404NotFound => TypedResults.Problem(statusCode: result.Status, title: "No such squad.", detail: result.Message),
        StatusCodes.Status409Conflict => TypedResults.Problem(statusCode: result.Status, title: "Not possible now.", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        _ => TypedResults.ValidationProblem(result.Errors, title: title),
    };
}
