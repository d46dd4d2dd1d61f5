using CommandCenter.Ingest;
using CommandCenter.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.ProtectedPeople;

/// <summary>The protected person's phone: the OsmAnd protocol (Traccar Client) on a path of its own, with the phone's own key.</summary>
public static class ProtectedPositionEndpoints
{
    public static IEndpointRouteBuilder MapProtectedPositions(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ProtectedPhoneSetup.Route, [HttpMethods.Get, HttpMethods.Post], ReceiveAsync)
            .WithName("ProtectedPersonOsmAnd")
            .WithTags("Protected people")
            .WithSummary("Receive a protected person's fix in the OsmAnd protocol (Traccar Client).")
            .WithDescription("""
                The same parameters as /osmand (id, lat, lon, timestamp, accuracy, ... or Traccar Client 9's JSON), sent by the phone
                of a protected person (双向定位) with its own `key`. The newest fix is kept apart from the subjects' positions and
                is never shown: the linked subjects' rules measure their distance to it. 200 once stored; 400 naming what is
                wrong; 401 for an unknown or retired phone or a wrong key (nothing stored); 503 when the database is down.
                Forwarder tokens are not accepted here: only the phone itself may speak for the person.
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

    private static async Task<IResult> ReceiveAsync(HttpRequest request, ProtectedPositionReceiver receiver, TimeProvider time,
        IOptions<IngestOptions> ingestOptions, CancellationToken cancellationToken)
    {
        var options = ingestOptions.Value;
        var now = time.GetUtcNow();
        var reading = await OsmAndBody.ReadAsync(request, options, now, cancellationToken);
        if (reading.Refused)
        {
            return reading.Refusal;
        }

        var parsed = reading.Request;
        var pathOf = OsmAndBody.PathOf(parsed);
        var problems = OsmAndBody.Problems(parsed, now, options, keysRequired: true);
        if (problems.Count > 0 || parsed.Items.Count == 0)
        {
            return OsmAndBody.Invalid(problems);
        }

        try
        {
            var refused = await receiver.StoreAsync(parsed.Items, pathOf, cancellationToken);
            return refused.Count == 0
                ? Results.Ok()
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown phone or wrong key; nothing was stored.",
                    detail: string.Join(" ", refused.Take(5).Select(p => $"{p.Field}: {p.Message}")),
                    extensions: new Dictionary<string, object?> { ["errors"] = IngestEndpoints.ToErrors(refused) });
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored now; send again later.", detail: "The database is not answering.");
        }
    }
}
