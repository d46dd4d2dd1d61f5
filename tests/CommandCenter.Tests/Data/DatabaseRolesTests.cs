using System.ComponentModel.DataAnnotations;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Data;

/// <summary>The app's own database role: what it may do, and what it may not do to the audit trail.</summary>
public class DatabaseRolesTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_entries_no_update_or_delete ON audit_entries")]
    public async Task TheAppsRoleCannotChangeRemoveOrUnguardTheAuditTrail(string sql)
    {
        await app.Services.GetRequiredService<AuditTrail>().AppendAsync(new AuditRecord("tester", AuditActions.SignIn));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAppAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.DoesNotContain("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppsRoleIsNeitherASuperuserNorTheOwnerOfAnyTable()
    {
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user),
                   (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'MEMBER'))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.False(reader.GetBoolean(0));
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task TheAppsRoleCreatesPositionsPartitionsOnlyThroughTheOwnersFunction()
    {
        var day = new DateOnly(2031, 3, 14);

        await app.Services.GetRequiredService<PositionPartitions>().EnsureDayAsync(day, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsAppAsync("SELECT count(*) FROM pg_class WHERE relname = 'positions_20310314'"));
        var direct = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAppAsync(
            "CREATE TABLE positions_20310315 PARTITION OF positions FOR VALUES FROM ('2031-03-15') TO ('2031-03-16')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, direct.SqlState);
        var injected = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAppAsync(
            "SELECT create_positions_partition('audit_entries_copy', '2031-03-16', '2031-03-17')"));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, injected.SqlState);
    }

    [Fact]
    public async Task TheAppRefusesToRunAsTheOwnerOfItsTables()
    {
        await using var asOwner = NpgsqlDataSource.Create(app.ConnectionString);
        await using var asApp = NpgsqlDataSource.Create(app.AppConnectionString);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseRoles.EnsureLimitedAsync(asOwner, CancellationToken.None));

        Assert.Contains("owner of the audit trail", refused.Message, StringComparison.Ordinal);
        await DatabaseRoles.EnsureLimitedAsync(asApp, CancellationToken.None);
    }

    [Fact]
    public void TheAppAndTheMigrationsMayNotShareARole()
    {
        var options = new DatabaseOptions
        {
            ConnectionString = "Host=db;Username=command_center;Database=cc",
            MigrationConnectionString = "Host=db;Username=command_center;Database=cc",
            MigrateOnStart = true,
        };

        var problems = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true));
        Assert.Contains(problems, p => p.MemberNames.Contains(nameof(DatabaseOptions.MigrationConnectionString)));
    }

    [Fact]
    public void MigratingNeedsTheOwnersConnection()
    {
        var options = new DatabaseOptions { ConnectionString = "Host=db;Username=cc_app;Database=cc", MigrateOnStart = true };

        var problems = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true));
        Assert.Contains(problems, p => p.MemberNames.Contains(nameof(DatabaseOptions.MigrationConnectionString)));
    }

    private async Task ExecuteAsAppAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsAppAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
