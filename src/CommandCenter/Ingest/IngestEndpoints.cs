using CommandCenter.Ingest.Telemetry;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest;

public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/positions", PostPositionsAsync)
            .WithName("PostPositions")
            .WithTags("Ingest")
            .WithSummary("Store a batch of fixes from devices.")
            .WithDescription("""
                A batch is atomic: if any item is invalid (400) or any item's device is unknown or its key
                wrong (401), nothing of the batch is stored and the problem details name every bad item by
                its path (positions[i].field); refused devices are listed for the desk (GET
                /api/v1/ingest/unknown-devices, hub event deviceUnknown). Otherwise the fixes are queued, the
                rules evaluate them, and 202 is returned once they, the latest positions and any alerts they
                raised have committed in one transaction (a fix already stored for the same device and time is
                counted as a duplicate, not stored twice). Over the item or size limit: 413. The queue full or
                the database down: 503 with Retry-After, nothing stored; send again.
                Devices prove themselves with their own key in each item; a forwarder (e.g. a Traccar server)
                may instead send `Authorization: Bearer <integration token>` with the forwarder role and
                leave the keys out. Optional per item: `charging` (true/false) and `event` (powerOff, tamper,
                strapCut). Too many requests from one address: 429 with Retry-After.
                """)
            .Accepts<PositionBatch>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Ingest)
            .DisableAntiforgery();

        app.MapGet("/api/v1/ingest/unknown-devices", (UnknownDevices unknown, int? limit) =>
                TypedResults.Ok(unknown.Recent(Math.Clamp(limit ?? 50, 1, 500))))
            .WithTags("Ingest")
            .WithSummary("Senders refused as unknown devices or with a wrong key, most recent first (limit 1 to 500, default 50). Nothing they sent was stored.")
            .RequireAuthorization(Policies.ReadLiveData);

        app.MapOsmAnd();
        app.MapLatestPositions();
        return app;
    }

    internal static async Task<IResult> PostPositionsAsync(
        HttpRequest request,
        IngestGate gate,
        IngestMetrics metrics,
        TimeProvider time,
        IOptions<IngestOptions> ingestOptions,
        CancellationToken cancellationToken)
    {
        var options = ingestOptions.Value;
        LimitBody(request, options);

        var (batch, readProblem) = await ReadBatchAsync(request, cancellationToken);
        if (readProblem is not null)
        {
            metrics.Refused(RefusalReasons.Unreadable, 1);
            return readProblem;
        }

        var items = batch!.Positions!;
        if (items.Count > options.MaxBatchItems)
        {
            metrics.Refused(RefusalReasons.TooMany, items.Count);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Too many positions in one batch.",
                detail: $"The batch has {items.Count} positions; at most {options.MaxBatchItems} are accepted per request. Split it.");
        }

        var forwarder = await IngestGate.AuthenticateForwarderAsync(request.HttpContext);
        if (forwarder == ForwarderCheck.Refused)
        {
            metrics.Refused(RefusalReasons.Unauthorized, items.Count);
            return ForwarderRefused();
        }

        var problems = PositionValidator.Validate(items, time.GetUtcNow(), options, keysRequired: forwarder == ForwarderCheck.None);
        if (problems.Count > 0)
        {
            metrics.Refused(RefusalReasons.Invalid, items.Count);
            return TypedResults.ValidationProblem(
                ToErrors(problems),
                title: "Some positions are invalid; nothing of this batch was stored.",
                detail: string.Join(" ", problems.Take(5).Select(p => $"{p.Field}: {p.Message}")));
        }

        var outcome = await gate.SubmitAsync(items!, forwarder == ForwarderCheck.Accepted, "api", request.HttpContext.Connection.RemoteIpAddress?.ToString(),
            index => $"positions[{index}]", cancellationToken);
        return outcome.Receipt is { } receipt
            ? TypedResults.Accepted((string?)null, new IngestResponse(receipt.Stored, receipt.Duplicates, receipt.AlertsRaised))
            : NotStored(request.HttpContext, outcome, options);
    }

    /// <summary>The answer to a submission that stored nothing: 401 for refused devices, 503 with Retry-After otherwise.</summary>
    internal static IResult NotStored(HttpContext context, GateOutcome outcome, IngestOptions options)
    {
        if (outcome.Unauthorised.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unknown device or wrong key; nothing was stored.",
                detail: string.Join(" ", outcome.Unauthorised.Take(5).Select(p => $"{p.Field}: {p.Message}")),
                extensions: new Dictionary<string, object?> { ["errors"] = ToErrors(outcome.Unauthorised) });
        }

        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored now; send again later.", detail: outcome.Unavailable);
    }

    internal static ProblemHttpResult ForwarderRefused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The integration token is unknown, revoked or not a forwarder's.",
            detail: "Send a forwarder token, or no Authorization header and each device's key.");

    internal static void LimitBody(HttpRequest request, IngestOptions options)
    {
        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = options.MaxBodyBytes;
        }
    }

    internal static Dictionary<string, string[]> ToErrors(IEnumerable<ItemProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    private static async Task<(PositionBatch? Batch, IResult? Problem)> ReadBatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (batch, problem) = await JsonBody.ReadAsync<PositionBatch>(request, optional: false, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        return batch!.Positions is null || batch.Positions.Count == 0
            ? (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The batch is empty.",
                detail: "The body must be an object with a non-empty array 'positions'."))
            : (batch, null);
    }
}
