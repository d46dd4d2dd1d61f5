using CommandCenter.Data;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.TwoFactor;

/// <summary>
/// Which roles must sign in with an authenticator: commanders and auditors always, the other desk roles when a
/// commander has said so. The wall and the demo guest are not people at a desk and are never asked.
/// </summary>
public class SecondFactorRoles(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time)
{
    /// <summary>The roles of people who sit at a desk and may enrol an authenticator.</summary>
    public static readonly IReadOnlyList<string> Desk = [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader, Roles.Auditor];

    public static bool IsAlwaysRequired(string role) => Roles.RequiringTwoFactor.Contains(role);

    public async Task<bool> IsRequiredForAsync(IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var held = roles.ToList();
        if (held.Any(IsAlwaysRequired))
        {
            return true;
        }

        var desk = held.Where(Desk.Contains).ToList();
        if (desk.Count == 0)
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SecondFactorRoles.AnyAsync(s => desk.Contains(s.Role) && s.Required, cancellationToken);
    }

    /// <summary>Every desk role and whether it must use an authenticator.</summary>
    public async Task<IReadOnlyList<SecondFactorRoleState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SecondFactorRoles.AsNoTracking().ToDictionaryAsync(s => s.Role, s => s.Required, cancellationToken);
        return Desk.Select(role => new SecondFactorRoleState(role, IsAlwaysRequired(role) || stored.GetValueOrDefault(role), IsAlwaysRequired(role))).ToList();
    }

    /// <summary>Stores whether a desk role must use an authenticator, with its audit entry; the caller has checked the role and the value.</summary>
    public async Task StoreAsync(string role, bool required, string actor, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var setting = await db.SecondFactorRoles.FindAsync([role], cancellationToken);
        if (setting is null)
        {
            setting = new SecondFactorRoleSetting { Role = role };
            db.SecondFactorRoles.Add(setting);
        }

        setting.Required = required;
        setting.ChangedAt = time.GetUtcNow();
        setting.ChangedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(
            actor, AuditActions.SettingsChanged, $"second-factor:{role}", required ? "required" : "optional", remoteAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
