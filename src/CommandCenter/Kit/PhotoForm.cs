using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kit;

/// <summary>
/// Reads a request sent as multipart/form-data, the way a phone sends a photo (a step at the scene, a spot check's
/// answer): the file in the field <c>photo</c>, and the other fields (note, disposition, position) as text fields. The text fields are read as the
/// JSON body would be, so both shapes are held to the same rules (an unknown field, a wrong value, a long note).
/// </summary>
public static class PhotoForm
{
    public const string PhotoField = "photo";

    /// <summary>Room for the form's boundaries and text fields around the photo.</summary>
    private const int FormOverheadBytes = 64 * 1024;

    public static async Task<(TBody? Body, byte[]? Photo, IResult? Problem)> ReadAsync<TBody>(HttpRequest request, int maxPhotoBytes, CancellationToken cancellationToken)
        where TBody : class
    {
        // The site's request limit is set for JSON; a photo may need more, and not more than the photo bound allows.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = Math.Max(limit.MaxRequestBodySize ?? 0, maxPhotoBytes + FormOverheadBytes);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception)
        {
            return (null, null, JsonBody.TooLargeOrBroken(exception));
        }
        catch (InvalidDataException exception)
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form could not be read.", detail: exception.Message));
        }

        if (form.Files.Count > 1 || form.Files.Count == 1 && form.Files[0].Name != PhotoField)
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send at most one file, in the field 'photo'.",
                detail: $"The form held the files {string.Join(", ", form.Files.Select(f => f.Name))}."));
        }

        var fields = new JsonObject();
        foreach (var (name, value) in form)
        {
            fields[name] = value.ToString();
        }

        TBody? body;
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = fields.Deserialize<TBody>(options);
        }
        catch (JsonException exception)
        {
            return (null, null, JsonBody.Unreadable(exception));
        }

        var errors = await RequestValidation.ErrorsAsync(body!, request.HttpContext);
        if (errors.Count > 0)
        {
            return (null, null, RequestValidation.Problem(errors));
        }

        return (body, await PhotoOfAsync(form.Files.GetFile(PhotoField), cancellationToken), null);
    }

    /// <summary>The file's bytes. The request's limit already bounds them; the caller judges the size and the content (JpegPhoto).</summary>
    private static async Task<byte[]?> PhotoOfAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
