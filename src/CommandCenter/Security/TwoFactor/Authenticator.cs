using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace CommandCenter.Security.TwoFactor;

/// <summary>
/// A person's authenticator: a key issued for enrolment (a new one each time one is shown, so a key seen once is
/// worth nothing later), the codes checked against it, each usable once, and enrolment turned on.
/// </summary>
public class Authenticator(UserManager<CommandCenterUser> users, IUserStore<CommandCenterUser> store, NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// A fresh key for a person who has not enrolled, replacing any key shown before; null for one who has,
    /// whose key is never shown again. The security stamp is left alone so the person's own session survives.
    /// </summary>
    public async Task<string?> IssueEnrolmentKeyAsync(CommandCenterUser user)
    {
        if (user.TwoFactorEnabled)
        {
            return null;
        }

        var key = users.GenerateNewAuthenticatorKey();
        await KeyStore.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        await users.UpdateAsync(user);
        return key;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is a current code of the person's key that has not been used: the step it
    /// belongs to is claimed by a conditional UPDATE, so of two nodes racing with one code only one wins.
    /// </summary>
    public async Task<bool> TryUseCodeAsync(CommandCenterUser user, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Totp.MatchingStep(key, code, time.GetUtcNow()) is not { } step)
        {
            return false;
        }

        await using var claim = dataSource.CreateCommand("""
            UPDATE "AspNetUsers" SET last_totp_step = @step
            WHERE id = @id AND (last_totp_step IS NULL OR last_totp_step < @step)
            """);
        claim.Parameters.AddWithValue("step", step);
        claim.Parameters.AddWithValue("id", user.Id);
        return await claim.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Marks the person enrolled; from now on the key is never shown and codes are asked at every sign-in.</summary>
    public async Task EnableAsync(CommandCenterUser user)
    {
        user.TwoFactorEnabled = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Enrolment of {user.UserName} was not stored: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Forgets the key and the enrolment: the person enrols afresh at the next sign-in.</summary>
    public async Task ForgetAsync(CommandCenterUser user)
    {
        user.TwoFactorEnabled = false;
        await KeyStore.SetAuthenticatorKeyAsync(user, null!, CancellationToken.None);
    }

    private IUserAuthenticatorKeyStore<CommandCenterUser> KeyStore =>
        store as IUserAuthenticatorKeyStore<CommandCenterUser> ?? throw new InvalidOperationException("The user store keeps no authenticator keys.");
}
