using Npgsql;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>
/// The two roles of a test server, as on a site: the owner of the tables (migrations, and the tests' own
/// arranging and tampering) and the app's role of limited rights (what the app connects as).
/// </summary>
public static class TestDatabaseRoles
{
    public const string Owner = "cc_owner";
    public const string App = "cc_app";

    /// <summary>Creates both roles once per server; safe to call from several test processes.</summary>
    public static async Task EnsureAsync(NpgsqlConnection superuser)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(4242002);
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Owner}') THEN
                    CREATE ROLE {Owner} LOGIN PASSWORD '{Owner}';
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{App}') THEN
                    CREATE ROLE {App} LOGIN PASSWORD '{App}';
                END IF;
            END $$;
            """, superuser);
        await using var transaction = await superuser.BeginTransactionAsync();
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The same database, as the owner of its tables.</summary>
    public static string AsOwner(string connectionString) => As(connectionString, Owner);

    /// <summary>The same database, as the app's role.</summary>
    public static string AsApp(string connectionString) => As(connectionString, App);

    /// <summary>Creates an empty database owned by the owner role, with PostGIS (which only a superuser may create) already in it.</summary>
    public static async Task<string> CreateDatabaseAsync(string superuserConnectionString, string name)
    {
        await using (var admin = new NpgsqlConnection(superuserConnectionString))
        {
            await admin.OpenAsync();
            await EnsureAsync(admin);
            await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); CREATE DATABASE \"{name}\" OWNER {Owner}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var inDatabase = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = name, Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(inDatabase))
        {
            await connection.OpenAsync();
            await using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            await extension.ExecuteNonQueryAsync();
        }

        return AsOwner(new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = name }.ConnectionString);
    }

    private static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = role }.ConnectionString;
}
