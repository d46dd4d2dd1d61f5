using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Security.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer cct_…</c> against the stored hashes of unrevoked tokens.</summary>
public class IntegrationTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(IntegrationTokenDefaults.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE integration_tokens SET last_used_at = @now
            WHERE token_hash = @hash AND revoked_at IS NULL
            RETURNING id, name, role
            """);
        command.Parameters.AddWithValue("hash", Secrets.Hash(token));
        command.Parameters.AddWithValue("now", TimeProvider.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await reader.ReadAsync(Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The integration token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"token:{reader.GetString(1)}"),
            new Claim(ClaimTypes.Role, reader.GetString(2)),
            new Claim("cc:token", reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
