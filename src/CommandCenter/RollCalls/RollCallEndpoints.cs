using CommandCenter.Hosting;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.RollCalls;

public static class RollCallEndpoints
{
    /// <summary>The most cameras a suggestion lists.</summary>
    private const int Suggested = 3;

    public static WebApplicationBuilder AddRollCalls(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<RollCallOptions>(RollCallOptions.Section, RollCallOptions.Tunable);
        builder.Services.AddSingleton<RollCallQueries>();
        builder.Services.AddSingleton<RollCallService>();
        return builder;
    }

    /// <summary>Roll calls before a camera (视频点名) for the people acting on alerts; a squad leader for their squad's people.</summary>
    public static WebApplication MapRollCalls(this WebApplication app)
    {
        var calls = app.MapGroup("/api/v1/roll-calls").WithTags("Roll calls").RequireAuthorization(Policies.ActOnAlerts);
        calls.MapGet("/suggested-cameras", async (int[]? subjectId, HttpContext http, RollCallQueries queries, CancellationToken ct) =>
            {
                if (subjectId is not { Length: > 0 and <= 100 })
                {
                    return Problem(StatusCodes.Status400BadRequest, "Give 1 to 100 subjectId parameters, the people to call.");
                }

                return await queries.SuggestAsync(subjectId, http.User, Suggested, ct) is { } cameras
                    ? Results.Ok(cameras)
                    : Problem(StatusCodes.Status404NotFound, "One of the subjects does not exist or is not yours to call.");
            })
            .WithSummary("The cameras nearest the people's last fixes (their homes where they may not be located today), nearest first: ?subjectId=1&subjectId=2.");
        calls.MapPost("/", async (HttpContext http, RollCallService service, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<RollCallRequest>(http.Request, optional: false, ct);
                return problem ?? (await service.CallAsync(body!, http.User, ct)).ToResult();
            })
            .WithSummary("Calls people to a camera: {cameraId, subjectIds: [..], minutes?}; minutes default to the RollCalls:Deadline setting. 404 for a subject not yours to call.");
        calls.MapGet("/", async (int? limit, HttpContext http, RollCallQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.RecentAsync(http.User, limit ?? 50, ct)))
            .WithSummary("The newest roll calls, newest first (limit 1 to 200, default 50).");
        calls.MapGet("/{rollCallId:long}", async (long rollCallId, HttpContext http, RollCallQueries queries, CancellationToken ct) =>
                await queries.FindAsync(rollCallId, http.User, ct) is { } call ? Results.Ok(call) : Problem(StatusCodes.Status404NotFound, $"There is no roll call {rollCallId}."))
            .WithSummary("A roll call: the camera, the deadline and each person called with their mark.");
        calls.MapPost("/{rollCallId:long}/attendees/{subjectId:int}/mark", async (long rollCallId, int subjectId, HttpContext http, RollCallService service, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<MarkRequest>(http.Request, optional: false, ct);
                return problem ?? (await service.MarkAsync(rollCallId, subjectId, body!, http.User, ct)).ToResult();
            })
            .WithSummary("Marks a person called: {mark: Present | Absent | Excused, note?} (a note is required for Excused); Absent raises RollCallMissed. 409 when already marked.");
        return app;
    }

    private static IResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status404NotFound ? "Not found." : "Refused.", detail: detail);
}
