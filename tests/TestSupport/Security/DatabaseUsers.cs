using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.Audit;
using CommandCenter.Squads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.TestSupport.Security;

/// <summary>
/// Creates accounts straight in a database, through the app's own account service, for an app that runs
/// as a process of its own (a load test, a fault test) where <see cref="TestUsers"/> has no services to use.
/// </summary>
public static class DatabaseUsers
{
    public static async Task<TestUser> CreateAsync(string connectionString, string role, int? squadId = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddNpgsqlDataSource(connectionString, source => source.UseNetTopologySuite());
        services.AddDbContextFactory<CommandCenterDb>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseNetTopologySuite()).UseSnakeCaseNamingConvention());
        services.AddIdentityCore<CommandCenterUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CommandCenterDb>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ISquadDirectory, SquadDirectory>();
        services.AddScoped<UserAccounts>();
        await using var provider = services.BuildServiceProvider();
        return await TestUsers.CreateAsync(provider, role, squadId);
    }
}
