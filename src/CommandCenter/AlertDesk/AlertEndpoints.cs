using CommandCenter.Live;

namespace CommandCenter.AlertDesk;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertDesk(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts", ListAsync)
            .WithTags("Alerts")
            .WithSummary("The newest alerts first; open ones only unless includeClosed=true. limit: 1 to 500, default 100.");
        return app;
    }

    private static async Task<IResult> ListAsync(AlertQueries queries, int? limit, bool? includeClosed, CancellationToken cancellationToken)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "limit is out of range.",
                detail: $"limit was {take}; it must be between 1 and 500.");
        }

        List<AlertMessage> alerts = await queries.RecentAsync(take, includeClosed ?? false, cancellationToken);
        return TypedResults.Ok(alerts);
    }
}
