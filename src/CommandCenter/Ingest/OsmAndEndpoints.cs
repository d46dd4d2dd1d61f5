using CommandCenter.Ingest.Telemetry;
using CommandCenter.Security;
using CommandCenter.Hosting;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest;

public static class OsmAndEndpoints
{
    public static IEndpointRouteBuilder MapOsmAnd(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/osmand", [HttpMethods.Get, HttpMethods.Post], ReceiveAsync)
            .WithName("OsmAnd")
            .WithTags("Ingest")
            .WithSummary("Receive a fix in the OsmAnd protocol (Traccar Client, Traccar forwarding).")
            .WithDescription("""
                Query or form parameters (id, lat, lon, timestamp, speed in knots, bearing, accuracy, batt,
                charge, ...) or the JSON body of Traccar Client 9 ({"location": {...}, "device_id": ...}), as
                Traccar documents them. The device proves itself with `key` (add ?key=... to the server URL in
                the app) or a forwarder sends `Authorization: Bearer <integration token>`. Answers 200 with an
                empty body once the fix has committed, as a Traccar server does; 400 naming what is wrong;
                401 for an unknown device or wrong key (listed for the desk, nothing stored); 503 with
                Retry-After when the queue is full or the database is down.
                """)
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Ingest)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IngestGate gate, IngestMetrics metrics, TimeProvider time,
        IOptions<IngestOptions> ingestOptions, CancellationToken cancellationToken)
    {
        var options = ingestOptions.Value;
        var now = time.GetUtcNow();
        var reading = await OsmAndBody.ReadAsync(request, options, now, cancellationToken);
        if (reading.Refused)
        {
            metrics.Refused(reading.Reason, reading.RefusedFixes);
            return reading.Refusal;
        }

        // What the request says is checked before who sends it, so a broken request hears what is broken.
        var parsed = reading.Request;
        var pathOf = OsmAndBody.PathOf(parsed);
        var problems = OsmAndBody.Problems(parsed, now, options, keysRequired: false);
        if (problems.Count == 0 && parsed.Items.Count > 0)
        {
            var forwarder = await IngestGate.AuthenticateForwarderAsync(request.HttpContext);
            if (forwarder == ForwarderCheck.Refused)
            {
                metrics.Refused(RefusalReasons.Unauthorized, parsed.Items.Count);
                return IngestEndpoints.ForwarderRefused();
            }

            problems = forwarder == ForwarderCheck.Accepted ? problems : PositionValidator.Validate(parsed.Items, now, options, keysRequired: true, pathOf);
            if (problems.Count == 0)
            {
                var outcome = await gate.SubmitAsync(parsed.Items, forwarder == ForwarderCheck.Accepted, "osmand",
                    request.HttpContext.Connection.RemoteIpAddress?.ToString(), pathOf, cancellationToken);
                return outcome.Receipt is not null ? Results.Ok() : IngestEndpoints.NotStored(request.HttpContext, outcome, options);
            }
        }

        metrics.Refused(RefusalReasons.Invalid, Math.Max(1, parsed.Items.Count));
        return OsmAndBody.Invalid(problems);
    }
}
