using System.Text.Json;
using CommandCenter.Ingest.Telemetry;
using CommandCenter.Kit;

namespace CommandCenter.Ingest;

/// <summary>
/// The one read of an OsmAnd request, for every path that speaks the protocol (the subjects' devices on /osmand, the
/// protected people's phones on theirs): the body's size limit, the parse, and the answers every sender hears alike
/// (400 for a body that cannot be read, 413 for too many locations, 400 naming each invalid field).
/// </summary>
public static class OsmAndBody
{
    public static async Task<OsmAndReading> ReadAsync(HttpRequest request, IngestOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IngestEndpoints.LimitBody(request, options);
        OsmAndRequest parsed;
        try
        {
            parsed = await OsmAndParser.ParseAsync(request, now, cancellationToken);
        }
        catch (JsonException exception)
        {
            return OsmAndReading.Refuse(JsonBody.Unreadable(exception), RefusalReasons.Unreadable, 1);
        }
        catch (BadHttpRequestException exception)
        {
            return OsmAndReading.Refuse(JsonBody.TooLargeOrBroken(exception), RefusalReasons.Unreadable, 1);
        }
        catch (InvalidDataException exception)
        {
            return OsmAndReading.Refuse(
                TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form could not be read.", detail: exception.Message),
                RefusalReasons.Unreadable, 1);
        }

        if (parsed.Items.Count > options.MaxBatchItems)
        {
            return OsmAndReading.Refuse(
                TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many locations in one request.",
                    detail: $"The request has {parsed.Items.Count} locations; at most {options.MaxBatchItems} are accepted. Split it."),
                RefusalReasons.TooMany, parsed.Items.Count);
        }

        return OsmAndReading.Read(parsed);
    }

    /// <summary>Where a problem with a fix is reported: the request itself when it holds one fix, else the fix's place in the array.</summary>
    public static Func<int, string> PathOf(OsmAndRequest request) =>
        request.Items.Count == 1 ? _ => "osmand" : index => $"location[{index}]";

    /// <summary>The parse's own problems, or else those <see cref="PositionValidator"/> finds.</summary>
    public static IReadOnlyList<ItemProblem> Problems(OsmAndRequest request, DateTimeOffset now, IngestOptions options, bool keysRequired) =>
        request.Problems.Count > 0 ? request.Problems : PositionValidator.Validate(request.Items, now, options, keysRequired, PathOf(request));

    /// <summary>The 400 for a request with invalid fields, or with no location at all.</summary>
    public static IResult Invalid(IReadOnlyList<ItemProblem> problems) =>
        TypedResults.ValidationProblem(
            IngestEndpoints.ToErrors(problems),
            title: "The OsmAnd request is invalid; nothing was stored.",
            detail: problems.Count == 0 ? "The request holds no location." : string.Join(" ", problems.Take(5).Select(p => $"{p.Field}: {p.Message}")));
}
