using System.Text.Json;
using CommandCenter.Live;
using CommandCenter.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
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
                its path (positions[i].field). Otherwise every fix is stored (a fix already stored for the same
                device and time is counted as a duplicate, not stored twice), fence alerts are raised, and 202
                is returned after the transaction has committed. Over the item or size limit: 413.
                """)
            .Accepts<PositionBatch>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    internal static async Task<IResult> PostPositionsAsync(
        HttpRequest request,
        DeviceDirectory devices,
        PositionStore store,
        LiveFeed feed,
        TimeProvider time,
        IOptions<IngestOptions> ingestOptions,
        IOptions<JsonOptions> jsonOptions,
        CancellationToken cancellationToken)
    {
        var options = ingestOptions.Value;
        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = options.MaxBodyBytes;
        }

        var (batch, readProblem) = await ReadBatchAsync(request, jsonOptions.Value.SerializerOptions, cancellationToken);
        if (readProblem is not null)
        {
            return readProblem;
        }

        var items = batch!.Positions!;
        if (items.Count > options.MaxBatchItems)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Too many positions in one batch.",
                detail: $"The batch has {items.Count} positions; at most {options.MaxBatchItems} are accepted per request. Split it.");
        }

        var now = time.GetUtcNow();
        var problems = PositionValidator.Validate(items, now, options);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                ToErrors(problems),
                title: "Some positions are invalid; nothing of this batch was stored.",
                detail: string.Join(" ", problems.Take(5).Select(p => $"{p.Field}: {p.Message}")));
        }

        var registered = await devices.FindAsync(items.Select(i => i!.Device!), now, cancellationToken);
        var accepted = new List<AcceptedFix>(items.Count);
        var unauthorised = new List<ItemProblem>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index]!;
            if (!registered.TryGetValue(item.Device!, out var device) || !DeviceKeys.Matches(item.Key!, device.KeyHash))
            {
                unauthorised.Add(new($"positions[{index}].device", $"Device '{item.Device}' is not registered and active, or its key does not match."));
                continue;
            }

            accepted.Add(new AcceptedFix(device, ToDatabasePrecision(item.Time!.Value), item.Latitude!.Value, item.Longitude!.Value,
                item.Accuracy, item.Speed, item.Heading, item.Battery));
        }

        if (unauthorised.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unknown device or wrong key; nothing of this batch was stored.",
                detail: string.Join(" ", unauthorised.Take(5).Select(p => $"{p.Field}: {p.Message}")),
                extensions: new Dictionary<string, object?> { ["errors"] = ToErrors(unauthorised) });
        }

        var result = await store.StoreAsync(accepted, now, cancellationToken);

        // Published only now that the transaction has committed.
        foreach (var alert in result.RaisedAlerts)
        {
            await feed.AlertRaisedAsync(alert with { Sequence = feed.NextSequence() });
        }

        feed.QueuePositions(result.VisiblePositions);
        return TypedResults.Accepted((string?)null, new IngestResponse(result.Stored, result.Duplicates, result.RaisedAlerts.Count));
    }

    private static async Task<(PositionBatch? Batch, IResult? Problem)> ReadBatchAsync(HttpRequest request, JsonSerializerOptions serializerOptions, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON.",
                detail: $"Content-Type was '{request.ContentType}'; send application/json."));
        }

        try
        {
            var batch = await request.ReadFromJsonAsync<PositionBatch>(serializerOptions, cancellationToken);
            if (batch?.Positions is null || batch.Positions.Count == 0)
            {
                return (null, TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The batch is empty.",
                    detail: "The body must be an object with a non-empty array 'positions'."));
            }

            return (batch, null);
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The body is not a valid position batch.",
                detail: $"At {exception.Path ?? "$"} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}): {FirstSentence(exception.Message)}"));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, TypedResults.Problem(
                statusCode: exception.StatusCode,
                title: exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large." : "The request could not be read.",
                detail: exception.Message));
        }
    }

    /// <summary>PostgreSQL keeps microseconds; trimming here makes a fix compare equal to its stored copy (and to a resent one).</summary>
    private static DateTimeOffset ToDatabasePrecision(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);

    private static Dictionary<string, string[]> ToErrors(IEnumerable<ItemProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
