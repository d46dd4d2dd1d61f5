using CommandCenter.Data.Backup;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Data;

public static class DataExtensions
{
    /// <summary>Registers the PostgreSQL data source (with PostGIS types) and the DbContext factory.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        builder.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        builder.AddValidatedOptions<BackupOptions>(BackupOptions.Section);

        var connectionString = builder.Configuration[$"{DatabaseOptions.Section}:ConnectionString"]
            ?? builder.Configuration.GetConnectionString("CommandCenter")
            ?? throw new InvalidOperationException(
                "No database connection string: set Database:ConnectionString (or ConnectionStrings:CommandCenter).");

        // One data source for EF Core and for the raw Npgsql of the ingest path, so both share a pool and the PostGIS type mapping.
        builder.Services.AddNpgsqlDataSource(connectionString, source => source.UseNetTopologySuite());
        builder.Services.AddDbContextFactory<CommandCenterDb>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseNetTopologySuite())
                .UseSnakeCaseNamingConvention());

        builder.Services.AddSingleton<PositionPartitions>();
        builder.Services.AddSingleton<SiteBackup>();
        builder.Services.AddHostedService<PartitionMaintenance>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Applies migrations as the owner and grants the app's role its rights, when configured to; then makes
    /// sure the app's own role is not one that could rewrite the audit trail. Run before the app starts serving.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        if (options.MigrateOnStart)
        {
            await MigrateAsOwnerAsync(options.MigrationConnectionString!, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Username!);

            // Npgsql caches the types it found at connect time; PostGIS types created by the migration must be reloaded.
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ReloadTypesAsync();
        }

        await DatabaseRoles.EnsureLimitedAsync(dataSource, CancellationToken.None);
        if (options.MigrateOnStart)
        {
            await app.Services.GetRequiredService<PositionPartitions>().EnsureAsync(CancellationToken.None);
        }
    }

    private static async Task MigrateAsOwnerAsync(string ownerConnectionString, string appRole)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString;
        await using (var db = new CommandCenterDb(new DbContextOptionsBuilder<CommandCenterDb>()
            .UseNpgsql(owner, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await DatabaseRoles.GrantAppRoleAsync(connection, appRole, CancellationToken.None);
    }
}
