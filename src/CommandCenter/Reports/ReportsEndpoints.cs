using System.Security.Claims;
using CommandCenter.Hosting;
using CommandCenter.Security;
using CommandCenter.Security.Audit;

namespace CommandCenter.Reports;

public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.ReadReports)
            .WithDescription("""
                A squad leader sees only their squad (its people, and the alerts it answered or was sent to); asking for
                another squad's id is 403. Dates are days of the site's calendar (yyyy-MM-dd), not after today; a wrong
                parameter is 400 naming it. Exports are written to the audit trail.
                """);
        reports.MapGet("/duty", DutyAsync)
            .WithSummary("The daily duty report (值班日报) of a day (date=yyyy-MM-dd, default today; squad=id to limit it to one squad).");
        reports.MapGet("/duty/export", DutyExportAsync)
            .WithSummary("The daily duty report as an XLSX workbook, a sheet per section. Audited.");
        reports.MapGet("/alerts", RegisterAsync)
            .WithSummary("The alert register (告警台账): alerts raised from..to (at most 366 days; default this month), filtered by rule, squad, severity, state; newest first, page (from 1) of size (10 to 200, default 50).");
        reports.MapGet("/alerts/export", RegisterExportAsync)
            .WithSummary("The alert register with the same filter as an XLSX workbook (at most 100,000 rows). Audited.");
        return app;
    }

    private static async Task<IResult> DutyAsync(
        string? date, string? squad, ClaimsPrincipal user, ReportScope scopes, DutyReportQuery query, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var (day, scope, refusal) = await DutyParametersAsync(date, squad, user, scopes, clock, time, cancellationToken);
        return refusal ?? TypedResults.Ok(await query.BuildAsync(day, scope, cancellationToken));
    }

    private static async Task<IResult> DutyExportAsync(
        string? date, string? squad, ClaimsPrincipal user, HttpContext context, ReportScope scopes, DutyReportQuery query, ReportWorkbook workbook, AuditTrail audit,
        SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var (day, scope, refusal) = await DutyParametersAsync(date, squad, user, scopes, clock, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var report = await query.BuildAsync(day, scope, cancellationToken);
        await AuditAsync(audit, user, context, "duty-report", $"xlsx, {day:yyyy-MM-dd}, squad {scope?.ToString() ?? "all"}, {report.Raised.Count} alerts", cancellationToken);
        return TypedResults.File(workbook.DutyReport(report), ReportWorkbook.XlsxType, $"duty-report-{day:yyyy-MM-dd}.xlsx");
    }

    private static async Task<IResult> RegisterAsync(
        HttpRequest request, ClaimsPrincipal user, ReportScope scopes, AlertRegister register, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = new ReportQuery(clock.Today(time.GetUtcNow()));
        var filter = Filter(parameters, request);
        var page = parameters.Number("page", request.Query["page"], 1, 1, int.MaxValue);
        var size = parameters.Number("size", request.Query["size"], 50, 10, 200);
        var (scope, refusal) = await ScopeAsync(parameters, filter, user, scopes, cancellationToken);
        return refusal ?? TypedResults.Ok(await register.PageAsync(filter, scope, page, size, cancellationToken));
    }

    private static async Task<IResult> RegisterExportAsync(
        HttpRequest request, ClaimsPrincipal user, ReportScope scopes, AlertRegister register, ReportWorkbook workbook, AuditTrail audit,
        SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = new ReportQuery(clock.Today(time.GetUtcNow()));
        var filter = Filter(parameters, request);
        var (scope, refusal) = await ScopeAsync(parameters, filter, user, scopes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var count = await register.CountAsync(filter, scope, cancellationToken);
        if (count > AlertRegister.MaxExportRows)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["to"] = [$"The filter selects {count:N0} alerts, more than the {AlertRegister.MaxExportRows:N0} one export writes; choose a shorter period or a filter."] },
                title: "The register is too long to export.");
        }

        var rows = await register.AllAsync(filter, scope, cancellationToken);
        await AuditAsync(audit, user, request.HttpContext, "alert-register", $"xlsx, {filter.ToQuery()}, {rows.Count} alerts", cancellationToken);
        return TypedResults.File(workbook.Register(rows), ReportWorkbook.XlsxType, $"alert-register-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.xlsx");
    }

    private static RegisterFilter Filter(ReportQuery parameters, HttpRequest request) => parameters.Register(
        request.Query["from"], request.Query["to"], request.Query["rule"], request.Query["squad"], request.Query["severity"], request.Query["state"]);

    private static async Task<(DateOnly Day, int? Scope, IResult? Refusal)> DutyParametersAsync(
        string? date, string? squad, ClaimsPrincipal user, ReportScope scopes, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        var parameters = new ReportQuery(today);
        var day = parameters.Day("date", date, today);
        var requested = parameters.Squad("squad", squad);
        if (!parameters.IsValid)
        {
            return (day, null, Invalid(parameters));
        }

        var decision = await scopes.DecideAsync(user, requested, cancellationToken);
        return (day, decision.Squad, Refusal(decision));
    }

    /// <summary>The register's filter names a squad to select; the person's own scope limits what it selects from.</summary>
    private static async Task<(int? Scope, IResult? Refusal)> ScopeAsync(
        ReportQuery parameters, RegisterFilter filter, ClaimsPrincipal user, ReportScope scopes, CancellationToken cancellationToken)
    {
        if (!parameters.IsValid)
        {
            return (null, Invalid(parameters));
        }

        var decision = await scopes.DecideAsync(user, filter.SquadId, cancellationToken);
        return (SquadScope.Of(user), Refusal(decision));
    }

    private static IResult? Refusal(ScopeDecision decision) => decision.Problem switch
    {
        null => null,
        { } problem when decision.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another squad's report.", detail: problem),
        { } problem => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["squad"] = [problem] }, title: "The squad is invalid."),
    };

    private static IResult Invalid(ReportQuery parameters) =>
        TypedResults.ValidationProblem(parameters.Problems, title: "The report's parameters are invalid.");

    private static Task AuditAsync(AuditTrail audit, ClaimsPrincipal user, HttpContext context, string target, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.Export, target, detail, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
}
