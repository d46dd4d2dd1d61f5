using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;

namespace CommandCenter.Security.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        audit.MapGet("/", ReadAsync).WithSummary("Audit entries, newest first, filtered by actor, action and period (pageSize 1 to 500).");
        audit.MapGet("/export", ExportAsync).WithSummary("The filtered audit entries as CSV (UTF-8 with BOM, opens in Excel); the export itself is audited.");
        audit.MapGet("/verify", VerifyAsync).WithSummary("Recomputes the hash chain, checks it against the anchors written outside the database, and names every broken link.");
        return app;
    }

    private static async Task<IResult> ReadAsync(AuditReader reader, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to,
        [Range(1, 1_000_000)] int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 50;
        if (size is < 1 or > 500 || page is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["page must be 1 or more and pageSize between 1 and 500."] });
        }

        return TypedResults.Ok(await reader.ReadAsync(new AuditQuery(actor, action, from, to, page ?? 1, size), cancellationToken));
    }

    private static async Task ExportAsync(HttpContext context, ClaimsPrincipal user, AuditReader reader, AuditTrail audit,
        string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(actor, action, from, to);
        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Export, "audit-trail",
            $"actor={actor};action={action};from={from:O};to={to:O}", context.Connection.RemoteIpAddress?.ToString()), cancellationToken);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"audit-trail.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("id,at,actor,action,target,detail,remote_address,hash");
        await foreach (var entry in reader.StreamAsync(query, cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                entry.Id, entry.At.ToString("O"), Csv(entry.Actor), Csv(entry.Action), Csv(entry.Target), Csv(entry.Detail), Csv(entry.RemoteAddress), entry.Hash));
        }
    }

    private static async Task<AuditChainReport> VerifyAsync(AuditChainVerifier verifier, CancellationToken cancellationToken) =>
        await verifier.VerifyWithAnchorsAsync(cancellationToken);

    /// <summary>Quotes a CSV field, and defuses a leading formula character so a spreadsheet cannot execute it.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
