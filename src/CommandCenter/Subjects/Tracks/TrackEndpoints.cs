using System.Security.Claims;
using CommandCenter.Security;
using CommandCenter.Hosting;

namespace CommandCenter.Subjects.Tracks;

/// <summary>A subject's track over a day on which a positioning order was in force (their fences are served by Fences).</summary>
public static class TrackEndpoints
{
    public static RouteGroupBuilder MapTracks(this RouteGroupBuilder subjects)
    {
        subjects.MapGet("/{id:int}/track", TrackAsync)
            .RequireAuthorization(Policies.ViewSubjects)
            .WithSummary("The subject's fixes over one day (day=yyyy-MM-dd, the site's calendar), in time order. Refused (403) for a day on which no approved positioning order was in force; every showing is audited.")
            .Produces<TrackResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return subjects;
    }

    private static async Task<IResult> TrackAsync(
        int id, string? day, ClaimsPrincipal user, HttpContext context, TrackQueries tracks, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out var date))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["day is required, as yyyy-MM-dd."] });
        }

        if (!PlausibleDates.Contains(date, time))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = [PlausibleDates.Explain(time)] });
        }

        var track = await tracks.DayAsync(id, date, user, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return track.Outcome switch
        {
            TrackOutcome.Shown => TypedResults.Ok(track),
            TrackOutcome.NoOrderInForce => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "No positioning order was in force on that day.",
                detail: $"Location data may be used for corrections work only, on days an approved electronic-positioning order covers; {day} is not one of them."),
            TrackOutcome.FutureDay => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = [$"{day} has not happened yet."] }),
            _ => SubjectProblems.NotFound(id),
        };
    }
}
