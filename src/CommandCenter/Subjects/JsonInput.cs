using System.Text.Json;
using CommandCenter.Site;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommandCenter.Subjects;

/// <summary>
/// Reads a JSON body so that a value of the wrong type (a date that is no date, a ground that is not one of
/// the five) is answered like any other bad field: a 400 naming it. Minimal APIs' own binding answers a bare 400.
/// </summary>
public static class JsonInput
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (application/json)."));
        }

        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await request.ReadFromJsonAsync<T>(options, cancellationToken);
            if (body is null)
            {
                return (null, Invalid("$", "Send a JSON object."));
            }

            var errors = await RequestValidation.ErrorsAsync(body, request.HttpContext);
            return errors.Count > 0 ? (null, RequestValidation.Problem(errors)) : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, Invalid(JsonBody.FieldOf(exception.Path), "This value is not of the expected kind."));
        }
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The body could not be read; nothing was stored.");
}
