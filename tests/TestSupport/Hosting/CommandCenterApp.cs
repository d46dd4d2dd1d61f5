using CommandCenter.TestSupport.Postgis;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommandCenter.TestSupport.Hosting;

/// <summary>
/// The real app on real Kestrel on a free loopback port, with its own migrated PostGIS database. Used as
/// a class fixture; derive to change settings (seed the demo county, run the simulator).
/// </summary>
public class CommandCenterApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DeviceKeySecret = "test-device-key-secret";

    private readonly PostgisDatabase database = new();

    /// <summary>The app's database as the owner of its tables (the app itself connects as a role of limited rights).</summary>
    public string ConnectionString => database.ConnectionString;

    /// <summary>The app's database as the app's own role.</summary>
    public string AppConnectionString => database.AppConnectionString;

    /// <summary>Where this app anchors its audit chain, and the anchors' key.</summary>
    public AuditAnchorFolder Anchors { get; } = new();

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Seed the demo county at start-up.</summary>
    protected virtual bool SeedDemo => false;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replaces services for a test (a fake clock, say); runs after the app's own registrations.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Creates an account with the role and signs it in; second factors are answered automatically.</summary>
    public async Task<SignedInSession> SignInAsync(string role, int? squadId = null) =>
        await FormSignIn.SignInAsync(BaseAddress, await TestUsers.CreateAsync(Services, role, squadId), Services.GetRequiredService<TimeProvider>());

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Found from the checkout rather than the test manifest, so hosts outside test projects (the benchmarks) work too.
        builder.UseSetting(WebHostDefaults.ContentRootKey, ContentRoot());
        builder.UseSetting("Database:ConnectionString", database.AppConnectionString);
        builder.UseSetting("Database:MigrationConnectionString", database.ConnectionString);
        foreach (var (key, value) in Anchors.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Demo:DeviceKeySecret", DeviceKeySecret);
        builder.UseSetting("urls", "http://127.0.0.1:0");

        // The demo's ffmpeg test cards only where a test asks for them (they cost a process each).
        builder.UseSetting("Demo:Video:Streams", "0");

        // Tests sign in far more often than a person would.
        builder.UseSetting("Security:SignInRequestsPerMinute", "10000");
        builder.ConfigureTestServices(ConfigureTestServices);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static string ContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("The checkout (CommandCenter.sln) was not found above " + AppContext.BaseDirectory)
            : Path.Combine(directory.FullName, "src", "CommandCenter");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
