using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.TestSupport.Security;

/// <summary>Creates accounts in a running test app through the app's own account service.</summary>
public static class TestUsers
{
    public static async Task<TestUser> CreateAsync(IServiceProvider services, string role, int? squadId = null, bool enrolSecondFactor = true)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var name = $"{role}-{Guid.NewGuid():N}"[..24];
        var password = "Test-" + Guid.NewGuid().ToString("N")[..12] + "-Aa1";
        var squad = role == Roles.SquadLeader ? squadId ?? 1 : (int?)null;
        var result = await accounts.CreateAsync(new NewAccount(name, name, role, squad, password), "test");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        var key = enrolSecondFactor && Roles.RequiringTwoFactor.Contains(role) ? await accounts.EnableSecondFactorAsync(name) : null;
        return new TestUser(name, password, role, key);
    }
}
