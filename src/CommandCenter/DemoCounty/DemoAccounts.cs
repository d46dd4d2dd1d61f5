using System.Security.Cryptography;
using System.Text;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The demo's accounts, one per role, created only when the demo is seeded. Their passwords are derived
/// from the demo secret (never a fixed default) and written, with the authenticator keys of the roles
/// that need a second factor, to the accounts file for the person running the demo.
/// </summary>
public class DemoAccounts(IServiceScopeFactory scopes, IDbContextFactory<CommandCenterDb> factory, IOptions<DemoOptions> options, ILogger<DemoAccounts> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.FindAsync("wall") is not null)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var squads = await db.Squads.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var planned = new List<(string Name, string Display, string Role, int? Squad)>
        {
            ("wall", "大厅大屏", Roles.Wall, null),
            ("duty", "值班员（演示）", Roles.DutyOfficer, null),
            ("commander", "大队长（演示）", Roles.Commander, null),
            ("auditor", "督察（演示）", Roles.Auditor, null),
            ("guest", "考察团（演示）", Roles.DemoGuest, null),
        };
        planned.AddRange(squads.Select((s, i) => ($"squad{i + 1}", $"{s.Name}中队长（演示）", Roles.SquadLeader, (int?)s.Id)));

        var lines = new List<string> { "# Demo accounts (synthetic county). Keep this file private.", "# user\trole\tpassword\tauthenticator key" };
        foreach (var (name, display, role, squad) in planned)
        {
            var password = PasswordFor(name);
            var result = await accounts.CreateAsync(new NewAccount(name, display, role, squad, password), "demo-seed");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {name} was not created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            var key = Roles.RequiringTwoFactor.Contains(role) ? await accounts.EnableSecondFactorAsync(name) : "-";
            lines.Add($"{name}\t{role}\t{password}\t{key}");
        }

        await WriteAccountsFileAsync(lines, cancellationToken);
    }

    /// <summary>A password that meets the policy, derived from the demo secret so it is stable across restarts and unknown without the secret.</summary>
    public string PasswordFor(string userName)
    {
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.DeviceKeySecret ?? string.Empty), Encoding.UTF8.GetBytes("account:" + userName));
        return "Demo-" + Convert.ToHexString(digest)[..10] + "-a7";
    }

    private async Task WriteAccountsFileAsync(List<string> lines, CancellationToken cancellationToken)
    {
        var path = options.Value.AccountsFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            logger.LogInformation("Demo accounts were created; set Demo:AccountsFile to have their passwords written out.");
            return;
        }

        await File.WriteAllLinesAsync(path, lines, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.LogInformation("Demo accounts were created; their passwords are in {Path}.", path);
    }
}
