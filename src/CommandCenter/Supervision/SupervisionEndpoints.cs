using CommandCenter.Kit;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Pages;
using CommandCenter.Supervision.Pages;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Supervision;

public static class SupervisionEndpoints
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<CheckInOptions>(CheckInOptions.Section, CheckInOptions.Tunable);
        builder.AddTunableOptions<LeaveOptions>(LeaveOptions.Section, LeaveOptions.Tunable);
        builder.Services.AddSingleton<SupervisionService>();
        builder.Services.AddSingleton<LeaveService>();
        builder.Services.AddSingleton<SupervisionQueries>();
        // On the subject page, in this order: a leave permit changes what the rules call an exit, so it comes first.
        SubjectPagePanelType.Add<LeavePermitsPanel>(builder.Services);
        SubjectPagePanelType.Add<CheckInsPanel>(builder.Services);
        return builder;
    }

    /// <summary>
    /// Check-ins (报到), check-in schedules and leave permits (外出审批), for the people acting on alerts; a squad leader for their squad's
    /// subjects. Leave is requested by any of them and decided by a squad leader or the commander (<see cref="LeaveAuthority"/>).
    /// </summary>
    public static WebApplication MapSupervision(this WebApplication app)
    {
        var subjects = app.MapGroup("/api/v1/subjects/{subjectId:int}").WithTags("Supervision").RequireAuthorization(Policies.ActOnAlerts);
        subjects.MapGet("/check-in-schedule", async (int subjectId, ClaimsPrincipal user, SupervisionService service, IDbContextFactory<CommandCenterDb> factory, CancellationToken ct) =>
            await ReadAsync(subjectId, user, service, factory, async db => (object?)await db.CheckInSchedules.AsNoTracking().Where(s => s.SubjectId == subjectId).FirstOrDefaultAsync(ct), ct))
            .WithSummary("The subject's check-in schedule (404 when none is set).");
        subjects.MapPut("/check-in-schedule", (int subjectId, HttpContext http, SupervisionService service, CancellationToken ct) =>
                WithBodyAsync<CheckInScheduleRequest>(http, body => service.SetScheduleAsync(subjectId, body, http.User, ct), ct))
            .WithSummary("Sets when the subject must check in: {firstDue, intervalDays, dueBy}; a missed deadline raises 签到逾期.");
        subjects.MapGet("/check-ins", async (int subjectId, int? limit, ClaimsPrincipal user, SupervisionService service, IDbContextFactory<CommandCenterDb> factory, CancellationToken ct) =>
            await ReadAsync(subjectId, user, service, factory, async db => (object?)await db.CheckIns.AsNoTracking().Where(c => c.SubjectId == subjectId)
                .OrderByDescending(c => c.At).Take(Math.Clamp(limit ?? 50, 1, 500)).ToListAsync(ct), ct))
            .WithSummary("The subject's check-ins, newest first (limit 1 to 500, default 50).");
        subjects.MapPost("/check-ins", (int subjectId, HttpContext http, SupervisionService service, CancellationToken ct) =>
                WithBodyAsync<CheckInRequest>(http, body => service.RecordCheckInAsync(subjectId, body, http.User, ct), ct))
            .WithSummary("Records a check-in: {method: FaceSignIn | App | Office, at, note}; it ends a missed-check-in alert's condition.");
        subjects.MapGet("/leave-permits", async (int subjectId, ClaimsPrincipal user, SupervisionQueries queries, CancellationToken ct) =>
            await queries.PermitsAsync(subjectId, user, ct) is { } permits ? Results.Ok(permits) : NoSubject(subjectId))
            .WithSummary("The subject's leave permits, newest first.");
        subjects.MapPost("/leave-permits", (int subjectId, HttpContext http, LeaveService leave, CancellationToken ct) =>
                WithBodyAsync<LeavePermitRequest>(http, body => leave.RequestAsync(subjectId, body, http.User, ct), ct))
            .WithSummary("Requests leave: {startsAt, endsAt, destination, area (GeoJSON), bufferMeters, purpose, urgent, urgentReason}. Refused (422, the problem's rule names it) " +
                "without the notice in working days unless urgent with a reason, beyond the days in one go or the year's total. Only once approved does a county exit inside it cease to be a violation.");

        var permits = app.MapGroup("/api/v1/leave-permits/{permitId:long}").WithTags("Supervision");
        permits.MapPost("/approve", (long permitId, HttpContext http, LeaveService leave, CancellationToken ct) =>
                WithBodyAsync<LeaveStepRequest>(http, body => leave.ApproveAsync(permitId, body, http.User, ct), ct))
            .RequireAuthorization(Policies.DecideLeave)
            .WithSummary("Approves a leave request: {reason (optional)}. The squad leader of the person's squad up to the delegation's days, the commander any length; never one's own request (403 names the rule).");
        permits.MapPost("/refuse", (long permitId, HttpContext http, LeaveService leave, CancellationToken ct) =>
                WithBodyAsync<LeaveStepRequest>(http, body => leave.RefuseAsync(permitId, body, http.User, ct), ct))
            .RequireAuthorization(Policies.DecideLeave)
            .WithSummary("Refuses a leave request: {reason}, with the same authority as approving.");
        permits.MapPost("/revoke", (long permitId, HttpContext http, LeaveService leave, CancellationToken ct) =>
                WithBodyAsync<LeaveStepRequest>(http, body => leave.RevokeAsync(permitId, body, http.User, ct), ct))
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("Withdraws a leave request or revokes an approved permit: {reason}.");
        return app;
    }

    private static async Task<IResult> WithBodyAsync<TBody>(HttpContext http, Func<TBody, Task<SupervisionOutcome>> handle, CancellationToken cancellationToken)
        where TBody : class, new()
    {
        var (body, problem) = await JsonBody.ReadAsync<TBody>(http.Request, optional: false, cancellationToken);
        return problem ?? (await handle(body!)).ToResult();
    }

    private static async Task<IResult> ReadAsync(int subjectId, ClaimsPrincipal user, SupervisionService service, IDbContextFactory<CommandCenterDb> factory,
        Func<CommandCenterDb, Task<object?>> read, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await service.IsVisibleAsync(db, subjectId, user, cancellationToken))
        {
            return NoSubject(subjectId);
        }

        return await read(db) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "Nothing is recorded yet.");
    }

    private static IResult NoSubject(int subjectId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no subject {subjectId}.");
}
