using System.Security.Claims;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Kpi.Panels;
using CommandCenter.Kpi.Records;

namespace CommandCenter.Kpi;

public static class KpiEndpoints
{
    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/kpi");
        var panels = api.MapGroup("/panels").WithTags("KPI panels").RequireAuthorization(Policies.ReadKpiData);
        panels.MapGet("/", ListAsync)
            .WithSummary("Every KPI panel computed for a month (month=yyyy-MM, default the current month): figures, chart data and table.");
        panels.MapGet("/{id}", GetAsync)
            .WithSummary("One KPI panel computed for a month (month=yyyy-MM, default the current month).");
        panels.MapGet("/{id}/export", ExportAsync)
            .WithSummary("One KPI panel's table as a file: format=xlsx (default) or csv (UTF-8 with BOM); month=yyyy-MM. Every export is audited.");

        api.MapRecords<ActivityRecord>("activities", "education and assistance activities (volunteer service, training, counselling, job placements, culture classes, hardship grants)");
        api.MapRecords<PartyMeeting>("meetings", "party meetings (三会一课 and 主题党日)");
        api.MapRecords<PartyMember>("members", "party branch members");
        api.MapRecords<PartnerOrganisation>("partners", "partner organisations (training bases, partner enterprises, public-welfare organisations)");
        api.MapRecords<SupervisionLossEvent>("losses", "脱管/漏管 events");
        return app;
    }

    private static async Task<IResult> ListAsync(KpiPanels panels, string? month, CancellationToken cancellationToken)
    {
        if (!panels.TryParseMonth(month, out var day, out var problem))
        {
            return BadMonth(problem!);
        }

        return TypedResults.Ok(await panels.BuildAllAsync(panels.Period(day), cancellationToken));
    }

    private static async Task<IResult> GetAsync(KpiPanels panels, string id, string? month, CancellationToken cancellationToken)
    {
        if (!panels.TryParseMonth(month, out var day, out var problem))
        {
            return BadMonth(problem!);
        }

        return await panels.BuildAsync(id, panels.Period(day), cancellationToken) is { } panel ? TypedResults.Ok(panel) : UnknownPanel(panels, id);
    }

    private static async Task<IResult> ExportAsync(
        KpiPanels panels, string id, string? month, string? format, ClaimsPrincipal user, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        var kind = (format ?? "xlsx").ToLowerInvariant();
        if (kind is not ("xlsx" or "csv"))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not an export format; use xlsx or csv."] },
                title: "Unknown export format.");
        }

        if (!panels.TryParseMonth(month, out var day, out var problem))
        {
            return BadMonth(problem!);
        }

        var period = panels.Period(day);
        if (await panels.BuildAsync(id, period, cancellationToken) is not { } panel)
        {
            return UnknownPanel(panels, id);
        }

        await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Export, $"kpi-panel:{id}", $"{kind}, {period}",
            context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return kind == "csv"
            ? TypedResults.File(KpiExport.ToCsv(panel), KpiExport.CsvType, KpiExport.FileName(panel, period, "csv"))
            : TypedResults.File(KpiExport.ToXlsx(panel), KpiExport.XlsxType, KpiExport.FileName(panel, period, "xlsx"));
    }

    private static IResult BadMonth(string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [problem] }, title: "The month is invalid.");

    private static IResult UnknownPanel(KpiPanels panels, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such panel.",
            detail: $"There is no KPI panel '{id}'; the panels are {string.Join(", ", panels.Ids)}.");
}
