using CommandCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>
/// The one PostGIS server of a test process, found in this order: the CC_TEST_DB connection string;
/// a Testcontainers container where a Docker engine answers; a throwaway cluster started here. Test
/// databases are cloned from a template migrated once per schema version, which is fast and isolates
/// every test class. Databases belong to the owner role of <see cref="TestDatabaseRoles"/>: the
/// connection strings handed out are the owner's, and the app connects as the app's role.
/// </summary>
public sealed class PostgisServer
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgisServer? instance;

    private readonly string adminConnectionString;
    private readonly SemaphoreSlim templateLock = new(1, 1);
    private string? templateName;

    private PostgisServer(string adminConnectionString, string source)
    {
        this.adminConnectionString = adminConnectionString;
        Source = source;
    }

    /// <summary>Where the server came from: environment, testcontainers or local cluster.</summary>
    public string Source { get; }

    public static async Task<PostgisServer> GetAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            return instance ??= await StartAsync();
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Creates an empty, migrated database and returns the owner's connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var template = await EnsureTemplateAsync();
        var name = $"t_{Sanitise(purpose)}_{Guid.NewGuid():N}"[..48].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {TestDatabaseRoles.Owner}", connection);
                await create.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another process is still connected to the template for a moment; try again shortly.
                await Task.Delay(250);
            }
        }

        return TestDatabaseRoles.AsOwner(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<PostgisServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CC_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgisServer(configured, "environment (CC_TEST_DB)");
        }

        var container = await DockerPostgis.TryStartAsync();
        if (container is not null)
        {
            return new PostgisServer(container, "testcontainers");
        }

        var cluster = await LocalPostgisCluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgisServer(cluster.ConnectionString, $"local cluster on port {cluster.Port}");
    }

    /// <summary>The migrated template of the current schema, created once per schema version across processes.</summary>
    private async Task<string> EnsureTemplateAsync()
    {
        await templateLock.WaitAsync();
        try
        {
            return templateName ??= await CreateTemplateAsync();
        }
        finally
        {
            templateLock.Release();
        }
    }

    private async Task<string> CreateTemplateAsync()
    {
        string lastMigration;
        await using (var probe = CreateContext("Host=design-time-only"))
        {
            lastMigration = probe.Database.GetMigrations().Last();
        }

        var name = $"cc_tpl_{Sanitise(lastMigration)}".ToLowerInvariant();
        // PostgreSQL cuts names at 63 bytes: the name of the database being built ("_build" added) must stay distinct.
        if (name.Length > 57)
        {
            name = name[..57];
        }

        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(4242001)", admin))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                return name;
            }

            // Built as a site is: the owner migrates a database it owns (PostGIS put in by the superuser), then grants the app's role its rights.
            var building = name + "_build";
            var buildingConnection = await TestDatabaseRoles.CreateDatabaseAsync(adminConnectionString, building);
            buildingConnection = new NpgsqlConnectionStringBuilder(buildingConnection) { Pooling = false }.ConnectionString;
            await using (var db = CreateContext(buildingConnection))
            {
                await db.Database.MigrateAsync();
            }

            await using (var owner = new NpgsqlConnection(buildingConnection))
            {
                await owner.OpenAsync();
                await DatabaseRoles.GrantAppRoleAsync(owner, TestDatabaseRoles.App, CancellationToken.None);
            }

            NpgsqlConnection.ClearAllPools();
            await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"; ALTER DATABASE \"{name}\" IS_TEMPLATE true", admin);
            await rename.ExecuteNonQueryAsync();
            return name;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4242001)", admin);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    private static CommandCenterDb CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<CommandCenterDb>()
            .UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options);

    private static string Sanitise(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
