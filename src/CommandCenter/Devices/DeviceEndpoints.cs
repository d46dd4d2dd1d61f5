using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.Devices;

/// <summary>
/// The devices API. A key appears only in the answer that issues it (enrol, replace, rotate), never in a list
/// or a detail. Edits carry the device's version; one made against an older version is refused with 409.
/// </summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/v1/devices").WithTags("Devices").RequireAuthorization(Policies.ManageDevices);
        devices.MapGet("/", ListAsync)
            .WithSummary("The devices (retired ones too with includeRetired=true), with their subject's case number and last fix; a squad leader sees their squad's only. Keys are never listed.")
            .Produces<List<DeviceRow>>();
        devices.MapGet("/{id:int}", GetAsync)
            .WithSummary("One device, without its key; 404 for an unknown id or one outside the caller's squad.")
            .Produces<DeviceRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapPost("/", EnrolAsync)
            .Accepts<EnrolInput>("application/json")
            .WithSummary("Enrols a device (serial, kind: Bracelet, Phone or TraccarClient, subjectId) and answers its key, once, with the server URL for Traccar Client. 400 names the field; 409 when an active device has the serial.")
            .Produces<IssuedKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        devices.MapPut("/{id:int}/subject", AssignAsync)
            .Accepts<AssignInput>("application/json")
            .WithSummary("Issues the device to another subject (subjectId, version). 404 unknown, 409 stale version or retired.")
            .Produces<DeviceRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        devices.MapPost("/{id:int}/replace", ReplaceAsync)
            .Accepts<ReplaceInput>("application/json")
            .WithSummary("Retires the device and enrols its successor (serial, optional kind, the old one's version) for the same subject in one transaction; answers the new key once.")
            .Produces<IssuedKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        devices.MapPost("/{id:int}/retire", RetireAsync)
            .Accepts<VersionInput>("application/json")
            .WithSummary("Retires the device (version): its key is refused at once; its fixes stay.")
            .Produces<DeviceRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        devices.MapPost("/{id:int}/rotate-key", RotateAsync)
            .Accepts<VersionInput>("application/json")
            .WithSummary("Issues a new key (version) and answers it once; the old key is refused at once.")
            .Produces<IssuedKey>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, DeviceQueries queries, bool? includeRetired, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, includeRetired == true, cancellationToken));

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, DeviceQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, user, cancellationToken) is { } device ? TypedResults.Ok(device) : NotFound(id);

    private static async Task<IResult> EnrolAsync(HttpRequest http, ClaimsPrincipal user, DeviceStore store, TraccarSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<EnrolInput>(http, cancellationToken);
        return problem ?? Answer(await store.EnrolAsync(input!, user, cancellationToken), http, setup, 0, created: true);
    }

    private static async Task<IResult> AssignAsync(int id, HttpRequest http, ClaimsPrincipal user, DeviceStore store, TraccarSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<AssignInput>(http, cancellationToken);
        return problem ?? Answer(await store.AssignAsync(id, input!, user, cancellationToken), http, setup, id, created: false);
    }

    private static async Task<IResult> ReplaceAsync(int id, HttpRequest http, ClaimsPrincipal user, DeviceStore store, TraccarSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<ReplaceInput>(http, cancellationToken);
        return problem ?? Answer(await store.ReplaceAsync(id, input!, user, cancellationToken), http, setup, id, created: true);
    }

    private static async Task<IResult> RetireAsync(int id, HttpRequest http, ClaimsPrincipal user, DeviceStore store, TraccarSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<VersionInput>(http, cancellationToken);
        return problem ?? Answer(await store.RetireAsync(id, input!, user, cancellationToken), http, setup, id, created: false);
    }

    private static async Task<IResult> RotateAsync(int id, HttpRequest http, ClaimsPrincipal user, DeviceStore store, TraccarSetup setup, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<VersionInput>(http, cancellationToken);
        return problem ?? Answer(await store.RotateKeyAsync(id, input!, user, cancellationToken), http, setup, id, created: false);
    }

    private static IResult Answer(DeviceOutcome outcome, HttpRequest http, TraccarSetup setup, int id, bool created) => outcome.Kind switch
    {
        DeviceOutcomeKind.Done when outcome.Key is null => TypedResults.Ok(outcome.Device),
        DeviceOutcomeKind.Done => Issued(outcome, http, setup, created),
        DeviceOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!, title: "The device was not changed; nothing was stored."),
        DeviceOutcomeKind.NotFound => NotFound(id),
        DeviceOutcomeKind.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The device has changed since it was read.",
            detail: "Another change was stored first; read the device again (its version) and decide afresh. Nothing was stored."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The device was not changed; nothing was stored.",
            detail: string.Join(" ", outcome.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
    };

    private static IResult Issued(DeviceOutcome outcome, HttpRequest http, TraccarSetup setup, bool created)
    {
        var issued = new IssuedKey(outcome.Device!, outcome.Key!, setup.ServerUrl($"{http.Scheme}://{http.Host}{http.PathBase}", outcome.Key!));
        return created ? TypedResults.Created($"/api/v1/devices/{outcome.Device!.Id}", issued) : TypedResults.Ok(issued);
    }

    private static IResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such device.", detail: $"There is no device {id} you may see.");
}
