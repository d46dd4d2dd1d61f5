using CommandCenter.Kit;
using System.Security.Claims;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
using CommandCenter.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.AlertLog;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts", ListAsync)
            .WithTags("Alerts")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("The newest alerts first; open ones only unless includeClosed=true. limit: 1 to 500, default 100; before: an alert's id, for the page after it (a wall reloads every open alert page by page). A squad leader sees their squad's; squad: one squad's only, for a region wall (400 not a number, 404 no such squad, 403 another squad's for a squad leader).");
        app.MapGet("/api/v1/alerts/pending", (ClaimsPrincipal user, PendingTransitions pending) => TypedResults.Ok(pending.List(SquadScope.Of(user))))
            .WithTags("Alerts")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("Zone crossings seen but not yet confirmed (the wall marks them), oldest first.");
        app.MapGet("/api/v1/alerts/{id:long}", DetailsAsync)
            .WithTags("Alerts")
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("One alert with its history (who did what, when), the actions allowed now and the discipline step the subject's history suggests.");

        var actions = app.MapGroup("/api/v1/alerts/{id:long}")
            .WithTags("Alerts")
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithDescription("""
                Answers the alert as it now is (also pushed to walls and desks as alertChanged). 404 for an alert
                that does not exist or, for a squad leader, belongs to another squad; 409 with the reason when
                the step does not follow the lifecycle (Raised → Acknowledged → Dispatched → OnScene → Resolved,
                or Dismissed from any open state); 400 for a body that is wrong. Every step is recorded with
                its actor, time and note, and in the audit trail.
                """);
        actions.MapPost("/acknowledge", (long id, HttpContext http, AlertActions alerts, CancellationToken ct) =>
                TakeAsync<NoteRequest>(id, http, alerts, optional: true, body => new AlertStep(AlertAction.Acknowledge, body.Note), ct))
            .WithSummary("Acknowledge an alert (确认); body optional: {note}.");
        actions.MapPost("/dispatch", (long id, HttpContext http, AlertActions alerts, CancellationToken ct) =>
                TakeAsync<DispatchRequest>(id, http, alerts, optional: false, body => new AlertStep(AlertAction.Dispatch, body.Note, SquadId: body.SquadId), ct))
            .WithSummary("Send a squad (派警): {squadId, note}. A squad leader can send only their own squad.");
        actions.MapPost("/on-scene", (long id, HttpContext http, AlertActions alerts, CancellationToken ct) =>
                TakeAsync<NoteRequest>(id, http, alerts, optional: true, (body, photo) => new AlertStep(AlertAction.ReportOnScene, body.Note, Photo: photo), ct))
            .WithSummary("Report the squad on scene (到场); body optional: {note}. As multipart/form-data: the field note and a JPEG in the field photo.")
            .DisableAntiforgery();
        actions.MapPost("/resolve", (long id, HttpContext http, AlertActions alerts, CancellationToken ct) =>
                TakeAsync<ResolveRequest>(id, http, alerts, optional: false, (body, photo) => new AlertStep(AlertAction.Resolve, body.Note, Disposition: body.Disposition, Photo: photo), ct))
            .WithSummary("Close with a disposition: {disposition: NoViolation | DeviceFault | Admonition | Warning | RevocationProposal, note}. As multipart/form-data: the same fields and a JPEG in the field photo.")
            .DisableAntiforgery();
        app.MapAlertPhotos();
        actions.MapPost("/dismiss", (long id, HttpContext http, AlertActions alerts, CancellationToken ct) =>
                TakeAsync<DismissRequest>(id, http, alerts, optional: false, body => new AlertStep(AlertAction.Dismiss, body.Reason), ct))
            .WithSummary("Close as needing no action: {reason}.");
        return app;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, AlertQueries queries, IStringLocalizer<UiText> text, RegionScopes regions,
        int? limit, bool? includeClosed, long? before, string? squad, CancellationToken cancellationToken)
    {
        var scope = await regions.ResolveAsync(user, squad, cancellationToken);
        if (scope.Problem() is { } problem)
        {
            return problem;
        }

        var take = limit ?? 100;
        if (take is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "limit is out of range.",
                detail: $"limit was {take}; it must be between 1 and 500.");
        }

        var alerts = await queries.RecentAsync(take, includeClosed ?? false, scope.Squad, before, cancellationToken);
        if (alerts is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "before names no alert.",
                detail: $"before was {before}; it must be the id of an alert you can see (the last of the page before).");
        }

        return TypedResults.Ok(alerts.Select(text.Rendered).ToList());
    }

    private static async Task<IResult> DetailsAsync(long id, ClaimsPrincipal user, AlertQueries queries, IStringLocalizer<UiText> text, CancellationToken cancellationToken) =>
        await queries.DetailsAsync(id, SquadScope.Of(user), cancellationToken) is { } details
            ? TypedResults.Ok(text.Rendered(details))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such alert.", detail: $"There is no alert {id}.");

    private static Task<IResult> TakeAsync<TBody>(long id, HttpContext http, AlertActions alerts, bool optional, Func<TBody, AlertStep> step, CancellationToken cancellationToken)
        where TBody : class, new() =>
        TakeAsync<TBody>(id, http, alerts, optional, (body, _) => step(body), cancellationToken, photoStep: false);

    /// <summary>A step from a JSON body, or, for the steps a photo may come with, from a multipart form carrying it.</summary>
    private static async Task<IResult> TakeAsync<TBody>(long id, HttpContext http, AlertActions alerts, bool optional, Func<TBody, byte[]?, AlertStep> step, CancellationToken cancellationToken,
        bool photoStep = true)
        where TBody : class, new()
    {
        byte[]? photo = null;
        TBody? body;
        IResult? problem;
        if (photoStep && http.Request.HasFormContentType)
        {
            var maxBytes = http.RequestServices.GetRequiredService<IOptionsMonitor<AlertPhotoOptions>>().CurrentValue.MaxBytes;
            (body, photo, problem) = await PhotoForm.ReadAsync<TBody>(http.Request, maxBytes, cancellationToken);
        }
        else
        {
            (body, problem) = await JsonBody.ReadAsync<TBody>(http.Request, optional, cancellationToken);
        }

        if (problem is not null)
        {
            return problem;
        }

        var wanted = step(body!, photo);
        if (MissingPart(wanted) is { } missing)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Something the step needs is missing.", detail: missing);
        }

        var outcome = await alerts.TakeAsync(id, wanted, http.User, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return outcome.Alert is { } alert
            ? TypedResults.Ok(http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>().Rendered(alert))
            : TypedResults.Problem(statusCode: outcome.Status, title: outcome.Status == StatusCodes.Status409Conflict ? "Not possible now." : "Refused.", detail: outcome.Refusal);
    }

    private static string? MissingPart(AlertStep step) => step switch
    {
        { Action: AlertAction.Resolve, Disposition: null } =>
            $"Give the disposition: one of {string.Join(", ", Enum.GetNames<Disposition>())}.",
        { Action: AlertAction.Dismiss } when string.IsNullOrWhiteSpace(step.Note) => "Give the reason the alert needs no action.",
        _ => null,
    };
}
