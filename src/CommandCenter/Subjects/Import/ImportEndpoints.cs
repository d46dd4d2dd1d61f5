using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Subjects.Import;

/// <summary>
/// The import as an API: the file is the request body (an XLSX, or a CSV in UTF-8 or GB18030), the same for
/// the preview and the commit, so that a client previews and then commits exactly what it checked.
/// </summary>
public static class ImportEndpoints
{
    private const string Formats = "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream";

    public static RouteGroupBuilder MapSubjectImport(this RouteGroupBuilder subjects)
    {
        subjects.MapPost("/import/preview", PreviewAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")
            .WithSummary("Reads a platform export (XLSX, or CSV in UTF-8 or GB18030: encoding=Auto|Utf8|Gb18030) and names every bad cell by row, column and problem, in the caller's language; stores nothing. 413 above the size limit, 400 above the row limit.")
            .Produces<ImportPreviewResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        subjects.MapPost("/import/commit", CommitAsync)
            .RequireAuthorization(Policies.ManageRecords)
            .Accepts<byte[]>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")
            .WithSummary("Checks the file again and stores every row or none (one transaction, audited); the 400 names each bad cell as rows[n].field. The people's homes are then placed on the map from their records.")
            .Produces<ImportCommitResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return subjects;
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request, ImportEncoding? encoding, SubjectImport import, CancellationToken cancellationToken)
    {
        var (content, problem) = await ReadAsync(request, import.MaxBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var preview = await import.PreviewAsync(content!, encoding ?? ImportEncoding.Auto, cancellationToken);
            return TypedResults.Ok(ImportPreviewResponse.Of(preview));
        }
        catch (ImportTooLargeException exception)
        {
            return TooManyRows(exception);
        }
    }

    private static async Task<IResult> CommitAsync(HttpRequest request, ImportEncoding? encoding, ClaimsPrincipal user, SubjectImport import, CancellationToken cancellationToken)
    {
        var (content, problem) = await ReadAsync(request, import.MaxBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var commit = await import.CommitAsync(content!, encoding ?? ImportEncoding.Auto, user.Identity!.Name!, cancellationToken);
            if (commit.Problems.Count == 0)
            {
                return TypedResults.Ok(new ImportCommitResponse(commit.Imported));
            }

            var errors = commit.Problems.GroupBy(p => p.Field == "file" ? "file" : $"rows[{p.Row}].{p.Field}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Column.Length > 0 ? $"{p.Column}: {p.Message}" : p.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: "Nothing was imported.",
                extensions: new Dictionary<string, object?> { ["problems"] = commit.Problems });
        }
        catch (ImportTooLargeException exception)
        {
            return TooManyRows(exception);
        }
    }

    /// <summary>The body, refused with a 413 past the limit before more of it is read than the limit.</summary>
    private static async Task<(byte[]? Content, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = [$"The body is empty: send the file ({Formats})."] }, title: "No file."));
        }

        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            detail: $"One import takes at most {maxBytes} bytes; split the file.");

    private static IResult TooManyRows(ImportTooLargeException exception) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["file"] = [$"One import takes at most {exception.MaxRows} rows; split the file."] },
            title: "The file has too many rows.");
}
