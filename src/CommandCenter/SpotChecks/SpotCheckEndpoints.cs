using CommandCenter.Hosting;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Subjects.Pages;
using CommandCenter.SpotChecks.Pages;
using Microsoft.Extensions.Options;

namespace CommandCenter.SpotChecks;

public static class SpotCheckEndpoints
{
    public static WebApplicationBuilder AddSpotChecks(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<SpotCheckOptions>(SpotCheckOptions.Section, SpotCheckOptions.Tunable)
            .Validate(o => o.From < o.Until, "SpotChecks:From must be before SpotChecks:Until.");
        builder.Services.AddSingleton<SpotCheckService>();
        builder.Services.AddSingleton<RegisteredPhotos>();
        builder.Services.AddSingleton<FaceService>();
        builder.Services.AddHttpClient(FaceService.Client, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<SpotCheckSchedule>();
        SubjectPagePanelType.Add<SpotChecksPanel>(builder.Services);
        return builder;
    }

    /// <summary>Spot checks (信息化核查) for the people acting on alerts; a squad leader for their squad's subjects.</summary>
    public static WebApplication MapSpotChecks(this WebApplication app)
    {
        var checks = app.MapGroup("/api/v1").WithTags("Spot checks").RequireAuthorization(Policies.ActOnAlerts);
        checks.MapPost("/spot-checks", async (HttpContext http, SpotCheckService service, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<SpotCheckRequest>(http.Request, optional: false, ct);
                return problem ?? (await service.SendAsync(body!, http.User, ct)).ToResult();
            })
            .WithSummary("Sends a spot check now: {subjectId} for one person or {squadId} for everybody of a squad with a phone enrolled; answered within the deadline setting.");
        checks.MapGet("/subjects/{subjectId:int}/spot-checks", async (int subjectId, int? limit, HttpContext http, SpotCheckService service, CancellationToken ct) =>
                await service.ListAsync(subjectId, http.User, limit ?? 50, ct) is { } list ? Results.Ok(list) : NoSubject(subjectId))
            .WithSummary("The person's spot checks, newest first (limit 1 to 500, default 50).");
        checks.MapPost("/spot-checks/{checkId:long}/verdict", async (long checkId, HttpContext http, SpotCheckService service, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<VerdictRequest>(http.Request, optional: false, ct);
                return problem ?? (await service.JudgeAsync(checkId, body!, http.User, ct)).ToResult();
            })
            .WithSummary("The officer's verdict on the answer's photo: {confirmed: true | false}.");
        checks.MapGet("/spot-checks/{checkId:long}/photo", async (long checkId, HttpContext http, SpotCheckService service, CancellationToken ct) =>
                await service.PhotoAsync(checkId, http.User, ct) is { } photo ? Results.File(photo, "image/jpeg") : NotFound($"There is no photo for spot check {checkId}."))
            .WithSummary("The JPEG the person answered the check with.");
        checks.MapGet("/subjects/{subjectId:int}/registered-photo", async (int subjectId, HttpContext http, RegisteredPhotos photos, CancellationToken ct) =>
                await photos.FindAsync(subjectId, http.User, ct) is { } photo ? Results.File(photo, "image/jpeg") : NotFound($"Subject {subjectId} has no registered photo."))
            .WithSummary("The person's registered photo (JPEG), which answers are compared with.");
        checks.MapPut("/subjects/{subjectId:int}/registered-photo", async (int subjectId, HttpContext http, RegisteredPhotos photos, IOptionsMonitor<SpotCheckOptions> options, CancellationToken ct) =>
            {
                var (_, photo, problem) = await PhotoForm.ReadAsync<object>(http.Request, options.CurrentValue.MaxPhotoBytes, ct);
                return problem ?? (photo is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Refused.", detail: $"Send the JPEG as multipart/form-data in the field '{PhotoForm.PhotoField}'.")
                    : (await photos.UploadAsync(subjectId, photo, http.User, ct)).ToResult());
            })
            .DisableAntiforgery()
            .WithSummary("Uploads (or replaces) the person's registered photo: multipart/form-data with a JPEG in the field photo.");
        return app;
    }

    private static IResult NoSubject(int subjectId) => NotFound($"There is no subject {subjectId}.");

    private static IResult NotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
