using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Tokens;

/// <summary>Commanders create and revoke integration tokens; a token is shown once, at creation, and stored only as a hash.</summary>
public static class TokenEndpoints
{
    public record CreateTokenRequest([property: Required, StringLength(64, MinimumLength = 2)] string Name, [property: Required, StringLength(32)] string Role);

    public record CreatedToken(int Id, string Name, string Role, string Token);

    public record TokenSummary(int Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    public static IEndpointRouteBuilder MapIntegrationTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/integration-tokens").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        tokens.MapGet("/", ListAsync).WithSummary("Every integration token, without its secret.");
        tokens.MapPost("/", CreateAsync).WithSummary("Creates a token for a forwarder or a reader; the response is the only time the token is shown.");
        tokens.MapDelete("/{id:int}", RevokeAsync).WithSummary("Revokes a token at once.");
        return app;
    }

    private static async Task<List<TokenSummary>> ListAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.IntegrationTokens.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Role, t.CreatedBy, t.CreatedAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
    }

    private static async Task<IResult> CreateAsync(
        CreateTokenRequest request, ClaimsPrincipal user, HttpContext context, IDbContextFactory<CommandCenterDb> factory,
        AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Roles.Tokens.Contains(request.Role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"'{request.Role}' is not a token role; use one of: {string.Join(", ", Roles.Tokens)}."],
            });
        }

        var secret = Secrets.New(IntegrationTokenDefaults.Prefix);
        var token = new IntegrationToken
        {
            Name = request.Name.Trim(),
            Role = request.Role,
            TokenHash = Secrets.Hash(secret),
            CreatedBy = user.Identity!.Name!,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.IntegrationTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(token.CreatedBy, AuditActions.TokenCreated, $"integration-token:{token.Id}",
            $"{token.Name} ({token.Role})", context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return TypedResults.Created($"/api/v1/integration-tokens/{token.Id}", new CreatedToken(token.Id, token.Name, token.Role, secret));
    }

    private static async Task<IResult> RevokeAsync(
        int id, ClaimsPrincipal user, HttpContext context, IDbContextFactory<CommandCenterDb> factory,
        AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var token = await db.IntegrationTokens.FindAsync([id], cancellationToken);
        if (token is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such token.", detail: $"There is no integration token {id}.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditRecord(user.Identity!.Name!, AuditActions.TokenRevoked, $"integration-token:{id}", token.Name,
                context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
