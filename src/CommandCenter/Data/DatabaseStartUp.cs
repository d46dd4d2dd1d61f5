using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// What a node does to the database before it serves: when configured to, it applies the migrations as the owner,
/// grants the app's role its rights and makes the coming days' partitions, one node at a time (<see cref="SchemaTurn"/>);
/// then it makes sure the app's own role is not one that could rewrite the audit trail.
/// </summary>
public class DatabaseStartUp(IOptions<DatabaseOptions> options, NpgsqlDataSource dataSource, PositionPartitions partitions)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            await DatabaseRoles.EnsureLimitedAsync(dataSource, cancellationToken);
            return;
        }

        var owner = new NpgsqlConnectionStringBuilder(options.Value.MigrationConnectionString!) { Pooling = false }.ConnectionString;
        await using var turn = await SchemaTurn.TakeAsync(owner, cancellationToken);
        await MigrateAsOwnerAsync(owner, cancellationToken);

        // Npgsql caches the types it found at connect time; PostGIS types created by the migration must be reloaded.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ReloadTypesAsync(cancellationToken);
        }

        await DatabaseRoles.EnsureLimitedAsync(dataSource, cancellationToken);
        await partitions.EnsureAsync(cancellationToken);
    }

    private async Task MigrateAsOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        await using (var db = new CommandCenterDb(new DbContextOptionsBuilder<CommandCenterDb>()
            .UseNpgsql(owner, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        await DatabaseRoles.GrantAppRoleAsync(connection, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Username!, cancellationToken);
    }
}
