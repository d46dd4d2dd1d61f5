using CommandCenter.Data;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using CommandCenter.Security.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// A commander clears the authenticator of someone who lost their phone: the key and the enrolment go, the
/// security stamp changes and every signed-in session of that person is revoked at once (on every node: a copied
/// cookie stops working), and they enrol afresh at the next sign-in.
/// Nobody resets their own: a password alone must never be enough to replace a second factor.
/// </summary>
public class SecondFactorReset(UserManager<CommandCenterUser> users, Authenticator authenticator, CommandCenterDb db, AuditTrail audit, SessionStore sessions)
{
    public enum Outcome
    {
        Reset,
        NoSuchUser,
        OwnAccount,
    }

    public async Task<Outcome> ResetAsync(string userId, string actorId, string actorName, string? remoteAddress)
    {
        if (userId == actorId)
        {
            return Outcome.OwnAccount;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Outcome.NoSuchUser;
        }

        await authenticator.ForgetAsync(user);
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            throw new InvalidOperationException($"The reset of {user.UserName} was not stored: {string.Join(" ", stamped.Errors.Select(e => e.Description))}");
        }

        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actorName, AuditActions.SecondFactorReset, $"user:{user.UserName}", RemoteAddress: remoteAddress));
        await transaction.CommitAsync();
        await sessions.RevokeAllOfAsync(user.UserName!, actorName);
        return Outcome.Reset;
    }
}
