using System.Security.Claims;
using CommandCenter.Security;

namespace CommandCenter.Squads;

public static class SquadEndpoints
{
    public static IEndpointRouteBuilder MapSquads(this IEndpointRouteBuilder app)
    {
        var squads = app.MapGroup("/api/v1/squads").WithTags("Squads");
        squads.MapGet("/", (ClaimsPrincipal user, SquadQueries queries, CancellationToken ct) => queries.BoardAsync(SquadScope.Of(user), ct))
            .RequireAuthorization(Policies.ReadLiveData)
            .WithSummary("Each squad's state (Available, Dispatched, OnScene: from the alerts it was sent to) and its area's open alerts.");
        squads.MapGet("/suggestions", SuggestAsync)
            .RequireAuthorization(Policies.ActOnAlerts)
            .WithSummary("The squads to send to a WGS-84 point: the one whose area holds it, then the free ones nearest by base.");
        return app;
    }

    private static async Task<IResult> SuggestAsync(double? lat, double? lon, SquadQueries queries, CancellationToken cancellationToken)
    {
        if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lat,lon"] = ["lat (-90 to 90) and lon (-180 to 180) are required."] });
        }

        return TypedResults.Ok(await queries.SuggestAsync(lat.Value, lon.Value, cancellationToken));
    }
}
