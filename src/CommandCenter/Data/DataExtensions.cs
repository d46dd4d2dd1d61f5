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
        builder.Services.AddNpgsqlDataSource(connectionString, source =>
        {
            source.UseNetTopologySuite();

            // The same few statements run many times a second on every connection (a batch's writes, the hand-off take,
            // the live log's tail): prepared once per connection, PostgreSQL stops parsing and planning them each time,
            // which was a good part of its processor time under a province's load. A site's connection string may set
            // its own figure.
            if (source.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                source.ConnectionStringBuilder.MaxAutoPrepare = DatabaseOptions.AutoPreparedStatements;
            }
        });
        builder.Services.AddDbContextFactory<CommandCenterDb>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseNetTopologySuite())
                .UseSnakeCaseNamingConvention());

        builder.Services.AddSingleton<PositionPartitions>();
        builder.Services.AddSingleton<DatabaseStartUp>();
        builder.Services.AddSingleton<SiteBackup>();
        builder.Services.AddHostedService<PartitionMaintenance>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Prepares the database before the app starts serving (see <see cref="DatabaseStartUp"/>).</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app) =>
        app.Services.GetRequiredService<DatabaseStartUp>().RunAsync(CancellationToken.None);
}
