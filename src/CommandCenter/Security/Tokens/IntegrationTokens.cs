using CommandCenter.Data;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Tokens;

/// <summary>Creates, lists and revokes integration tokens for the API and the tokens page alike; each change is audited.</summary>
public class IntegrationTokens(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time)
{
    public const int NameMin = 2;
    public const int NameMax = 64;

    public async Task<List<TokenEndpoints.TokenSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.IntegrationTokens.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TokenEndpoints.TokenSummary(t.Id, t.Name, t.Role, t.CreatedBy, t.CreatedAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The problems of a token request per field, empty when it may be created.</summary>
    public static Dictionary<string, string[]> Problems(string? name, string? role)
    {
        var problems = new Dictionary<string, string[]>();
        if (name?.Trim() is not { Length: >= NameMin and <= NameMax } trimmed || trimmed.Any(char.IsControl))
        {
            problems["name"] = [$"{NameMin} to {NameMax} characters, no control characters."];
        }

        if (role is null || !Roles.Tokens.Contains(role))
        {
            problems["role"] = [$"'{role}' is not a token role; use one of: {string.Join(", ", Roles.Tokens)}."];
        }

        return problems;
    }

    /// <summary>Creates a token of a checked request; the secret is in the answer and nowhere else.</summary>
    public async Task<TokenEndpoints.CreatedToken> CreateAsync(string name, string role, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var secret = Secrets.New(IntegrationTokenDefaults.Prefix);
        var token = new IntegrationToken
        {
            Name = name.Trim(),
            Role = role,
            TokenHash = Secrets.Hash(secret),
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.IntegrationTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.TokenCreated, $"integration-token:{token.Id}",
            $"{token.Name} ({token.Role})", remoteAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TokenEndpoints.CreatedToken(token.Id, token.Name, token.Role, secret);
    }

    /// <summary>Revokes a token at once; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(int id, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await db.IntegrationTokens.FindAsync([id], cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.TokenRevoked, $"integration-token:{id}", token.Name, remoteAddress), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
