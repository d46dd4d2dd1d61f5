using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

using CommandCenter.Hosting;

namespace CommandCenter.Kit;

/// <summary>
/// Reads a JSON request body with answers that say what is wrong: 415 for another content type, 400 naming
/// the path and the problem (a wrong type, an unknown field, broken JSON, a value out of its bounds), 413 for a body over the limit.
/// Minimal APIs' own binding answers such bodies with a bare 400.
/// </summary>
public static class JsonBody
{
    /// <param name="request">The request.</param>
    /// <param name="optional">Whether an empty body stands for an empty object (an action with nothing to add).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, bool optional, CancellationToken cancellationToken)
        where T : class, new()
    {
        if (optional && request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (new T(), null);
        }

        return await ReadAsync<T>(request, cancellationToken);
    }

    /// <summary>Reads a body that must be there.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
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
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await request.ReadFromJsonAsync<T>(options, cancellationToken);
            if (body is null)
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is empty.", detail: "Send a JSON object."));
            }

            var errors = await RequestValidation.ErrorsAsync(body, request.HttpContext);
            return errors.Count > 0 ? (null, RequestValidation.Problem(errors)) : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, Unreadable(exception));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, TooLargeOrBroken(exception));
        }
    }

    /// <summary>A 400 whose errors name the field that could not be read ($.method → method), as any other bad field is named.</summary>
    public static ValidationProblem Unreadable(JsonException exception)
    {
        var detail = $"At {exception.Path ?? "$"} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}): {FirstSentence(exception.Message)}";
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [FieldOf(exception.Path)] = [detail] },
            title: "The body could not be read as the expected JSON.",
            detail: detail);
    }

    /// <summary>$.positions[0].lat → positions[0].lat: the field as the API names it elsewhere.</summary>
    public static string FieldOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";

    public static ProblemHttpResult TooLargeOrBroken(BadHttpRequestException exception) =>
        TypedResults.Problem(
            statusCode: exception.StatusCode,
            title: exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large." : "The request could not be read.",
            detail: exception.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
