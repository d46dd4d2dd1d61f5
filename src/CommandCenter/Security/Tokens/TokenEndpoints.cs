using System.Security.Claims;
using CommandCenter.Kit;

namespace CommandCenter.Security.Tokens;

/// <summary>Commanders create and revoke integration tokens; a token is shown once, at creation, and stored only as a hash.</summary>
public static class TokenEndpoints
{
    public class CreateTokenRequest
    {
        public string? Name { get; set; }

        public string? Role { get; set; }
    }

    public record CreatedToken(int Id, string Name, string Role, string Token);

    public record TokenSummary(int Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    public static IEndpointRouteBuilder MapIntegrationTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/integration-tokens").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        tokens.MapGet("/", (IntegrationTokens store, CancellationToken cancellationToken) => store.ListAsync(cancellationToken))
            .WithSummary("Every integration token, without its secret: name, role, created, last used, revoked.");
        tokens.MapPost("/", CreateAsync).WithSummary("Creates a token for a forwarder or a reader; the response is the only time the token is shown. Audited.");
        tokens.MapDelete("/{id:int}", RevokeAsync).WithSummary("Revokes a token at once. Audited.");
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, IntegrationTokens store)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateTokenRequest>(request, optional: false, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var problems = IntegrationTokens.Problems(body!.Name, body.Role);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The token was not created.");
        }

        var created = await store.CreateAsync(body.Name!, body.Role!, user.Identity!.Name!, request.HttpContext.Connection.RemoteIpAddress?.ToString(), request.HttpContext.RequestAborted);
        return TypedResults.Created($"/api/v1/integration-tokens/{created.Id}", created);
    }

    private static async Task<IResult> RevokeAsync(int id, ClaimsPrincipal user, HttpContext context, IntegrationTokens store) =>
        await store.RevokeAsync(id, user.Identity!.Name!, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such token.", detail: $"There is no integration token {id}.");
}
