using CommandCenter.Data.Backup;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.Audit;

namespace CommandCenter.Security;

/// <summary>
/// Operator commands run against the configured database instead of serving:
/// <c>admin status</c>, <c>admin create</c> (user from CC_ADMIN_USER, default admin; password from
/// CC_ADMIN_PASSWORD), <c>audit verify</c> (the chain and its anchors; exit code 0 when intact, 1 when not),
/// <c>backup FILE</c> and <c>restore FILE</c> (the database and the audit anchors; see deploy/README.md).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args is ["admin", ..] or ["audit", ..] or ["backup", ..] or ["restore", ..];

    public static async Task<int> RunAsync(IServiceProvider provider, string[] args)
    {
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args)
        {
            case ["audit", "verify"]:
                var report = await services.GetRequiredService<AuditChainVerifier>().VerifyWithAnchorsAsync();
                Console.WriteLine(report);
                return report.IsIntact ? 0 : 1;

            case ["admin", "status"]:
                var found = await services.GetRequiredService<UserAccounts>().FindAsync(AdminName());
                Console.WriteLine(found is null ? $"No account '{AdminName()}' yet." : $"The account '{AdminName()}' exists.");
                return found is null ? 1 : 0;

            case ["admin", "create"]:
                return await CreateAdminAsync(services.GetRequiredService<UserAccounts>());

            case ["backup", var file]:
                return await BackupAsync(() => services.GetRequiredService<SiteBackup>().BackupAsync(file, Operator(), CancellationToken.None), "Backed up");

            case ["restore", var file]:
                return await BackupAsync(() => services.GetRequiredService<SiteBackup>().RestoreAsync(file, Operator(), CancellationToken.None), "Restored");

            default:
                Console.Error.WriteLine("Commands: admin status | admin create | audit verify | backup FILE | restore FILE");
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(UserAccounts accounts)
    {
        var name = AdminName();
        if (await accounts.FindAsync(name) is not null)
        {
            Console.WriteLine($"The account '{name}' already exists; nothing changed.");
            return 0;
        }

        var password = Environment.GetEnvironmentVariable("CC_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Set CC_ADMIN_PASSWORD to the first commander's password (12+ characters with upper, lower and a digit).");
            return 2;
        }

        var result = await accounts.CreateAsync(new NewAccount(name, "指挥中心管理员", Roles.Commander, null, password), "setup");
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"The account was not created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 2;
        }

        Console.WriteLine($"Created the commander account '{name}'; its authenticator (TOTP) is enrolled at the first sign-in.");
        return 0;
    }

    private static async Task<int> BackupAsync(Func<Task<BackupManifest>> run, string done)
    {
        try
        {
            var manifest = await run();
            Console.WriteLine($"{done}: database {manifest.Database} as of {manifest.TakenAt:yyyy-MM-dd HH:mm:ss}Z, audit entries up to {manifest.LastAuditEntryId}, anchors {(manifest.AnchorsIncluded ? "included" : "none yet")}.");
            return 0;
        }
        catch (BackupException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    /// <summary>Who runs an operator command, as the trail records it.</summary>
    private static string Operator() => "operator:" + Environment.UserName;

    private static string AdminName() => Environment.GetEnvironmentVariable("CC_ADMIN_USER") is { Length: > 0 } name ? name : "admin";
}
