using CommandCenter.Security;

namespace CommandCenter.FieldMessages;

public static class FieldMessageEndpoints
{
    /// <summary>GET /api/v1/field-messages?state=Failed&amp;take=100: the latest messages to the field and how their delivery went.</summary>
    public static IEndpointRouteBuilder MapFieldMessageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/field-messages", async (FieldMessageQueries queries, FieldMessageState? state, int? take, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queries.LatestAsync(state, take ?? 100, cancellationToken)))
            .RequireAuthorization(Policies.ReadFieldMessages)
            .WithTags("Field messages");
        return app;
    }
}
