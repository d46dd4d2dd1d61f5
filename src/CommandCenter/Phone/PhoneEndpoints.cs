using CommandCenter.Alerts.Tracking;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Ingest;
using CommandCenter.Kit;
using CommandCenter.RollCalls;
using CommandCenter.Security;
using CommandCenter.SpotChecks;
using Microsoft.EntityFrameworkCore;
using CommandCenter.Supervision;
using Microsoft.Extensions.Options;

namespace CommandCenter.Phone;

/// <summary>
/// The API of the app on a subject's phone (the role of 在矫通): what is pending, answering a spot check, the
/// schedule. The phone proves itself with its device key, as its positions do; no account is involved.
/// </summary>
public static class PhoneEndpoints
{
    public static IEndpointRouteBuilder MapPhone(this IEndpointRouteBuilder app)
    {
        var phone = app.MapGroup("/api/v1/phone").WithTags("Phone").AllowAnonymous().RequireRateLimiting(RateLimits.Phone).DisableAntiforgery();
        phone.MapGet("/tasks", TasksAsync)
            .WithSummary("What the subject must do now: spotChecks to answer (id, sentAt, deadline), rollCalls to attend (id, cameraName, cameraLatitude, cameraLongitude, deadline) and checkInDue, the next check-in deadline. Headers X-Device and X-Device-Key.");
        phone.MapPost("/spot-checks/{checkId:long}/answer", AnswerAsync)
            .WithSummary("Answers a spot check: multipart/form-data with a JPEG face photo in photo and the current fix in longitude, latitude (WGS-84) and optional accuracy (m). 404 for a check of another person, 409 when already answered, 413 when the photo is too large.");
        phone.MapGet("/schedule", ScheduleAsync)
            .WithSummary("The subject's check-in schedule with the next deadline, and their leave permits not yet ended.");
        return app;
    }

    private static async Task<IResult> TasksAsync(HttpRequest request, DeviceDirectory directory, SpotCheckService checks, RollCallQueries rollCalls,
        IDbContextFactory<CommandCenterDb> factory, SiteClock clock, TimeProvider time, CancellationToken ct)
    {
        if (await PhoneDevice.AuthenticateAsync(request, directory, ct) is not { } device)
        {
            return PhoneDevice.Refused();
        }

        var open = await checks.OpenForAsync(device.Subject.Id, ct);
        var cadence = await CadenceAsync(factory, device.Subject.Id, ct);
        var calls = await rollCalls.PendingForAsync(device.Subject.Id, ct);
        return TypedResults.Ok(new PhoneTasks([.. open.Select(c => new PhoneSpotCheck(c.Id, c.SentAt, c.Deadline))], NextDue(cadence, clock, time), calls));
    }

    private static async Task<IResult> AnswerAsync(long checkId, HttpRequest request, DeviceDirectory directory, SpotCheckService checks,
        IOptionsMonitor<SpotCheckOptions> options, CancellationToken ct)
    {
        if (await PhoneDevice.AuthenticateAsync(request, directory, ct) is not { } device)
        {
            return PhoneDevice.Refused();
        }

        var (form, photo, problem) = await PhotoForm.ReadAsync<AnswerForm>(request, options.CurrentValue.MaxPhotoBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (photo is null || form!.Longitude is not { } longitude || form.Latitude is not { } latitude)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Refused.",
                detail: $"Send the face photo (JPEG) in the field '{PhotoForm.PhotoField}' and the current fix in longitude and latitude.");
        }

        return (await checks.AnswerAsync(device.Subject.Id, checkId, new SpotCheckAnswer(photo, longitude, latitude, form.Accuracy), ct)).ToResult();
    }

    private static async Task<IResult> ScheduleAsync(HttpRequest request, DeviceDirectory directory, IDbContextFactory<CommandCenterDb> factory,
        SiteClock clock, TimeProvider time, CancellationToken ct)
    {
        if (await PhoneDevice.AuthenticateAsync(request, directory, ct) is not { } device)
        {
            return PhoneDevice.Refused();
        }

        var cadence = await CadenceAsync(factory, device.Subject.Id, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        // Only approved leave is on the schedule: a request still waiting lets the person go nowhere.
        var leaves = await db.LeavePermits.AsNoTracking().WhereGranted().Where(p => p.SubjectId == device.Subject.Id && p.EndsAt > now)
            .OrderBy(p => p.StartsAt).Select(p => new PhoneLeave(p.Destination, p.StartsAt, p.EndsAt)).ToListAsync(ct);
        return TypedResults.Ok(new PhoneSchedule(cadence?.FirstDue, cadence?.IntervalDays, cadence?.DueBy, NextDue(cadence, clock, time), leaves));
    }

    private static async Task<CheckInCadence?> CadenceAsync(IDbContextFactory<CommandCenterDb> factory, int subjectId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var schedule = await db.CheckInSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectId == subjectId, ct);
        return schedule is null ? null : new CheckInCadence(schedule.FirstDue, schedule.IntervalDays, schedule.DueBy);
    }

    private static DateTimeOffset? NextDue(CheckInCadence? cadence, SiteClock clock, TimeProvider time) =>
        cadence?.Deadline(cadence.LatestDeadlineNumber(time.GetUtcNow(), clock.Zone) + 1, clock.Zone);
}
