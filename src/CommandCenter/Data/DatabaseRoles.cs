using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// Gives the app's role exactly what it needs, as the owner after each migration, and refuses to run when
/// the app's role could undo the audit trail's guards. The app's role may read and change the tables it
/// works on, but on the audit trail only add and read: no UPDATE, DELETE or TRUNCATE, and, not owning the
/// table, no ALTER TABLE ... DISABLE TRIGGER. Positions partitions are created through a SECURITY DEFINER
/// function owned by the owner (see the AppRoleSeparation migration), so the app needs no ownership at run time.
/// </summary>
public static class DatabaseRoles
{
    public const string AuditTable = "audit_entries";

    /// <summary>Grants the app's role its rights on every table and sequence the owner has; run as the owner.</summary>
    public static async Task GrantAppRoleAsync(NpgsqlConnection owner, string appRole, CancellationToken cancellationToken)
    {
        var role = Quote(appRole);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            ORDER BY c.relname
            """, owner))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sql = new List<string> { $"GRANT USAGE ON SCHEMA public TO {role}" };
        foreach (var table in tables)
        {
            sql.Add($"REVOKE ALL ON TABLE {Quote(table)} FROM {role}");
            sql.Add(table == AuditTable
                ? $"GRANT SELECT, INSERT ON TABLE {Quote(table)} TO {role}"
                : $"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {Quote(table)} TO {role}");
        }

        sql.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}");
        sql.Add($"GRANT EXECUTE ON FUNCTION create_positions_partition(text, timestamptz, timestamptz) TO {role}");
        sql.Add($"GRANT EXECUTE ON FUNCTION drop_positions_partitions_before(date) TO {role}");
        sql.Add($"GRANT EXECUTE ON FUNCTION cluster_settled_positions_partition() TO {role}");
        await using var grant = new NpgsqlCommand(string.Join(";\n", sql), owner);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Throws when the app's own connection is a superuser's or can act as the owner of the audit trail.</summary>
    public static async Task EnsureLimitedAsync(NpgsqlDataSource app, CancellationToken cancellationToken)
    {
        await using var command = app.CreateCommand($"""
            SELECT current_user::text,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
                   COALESCE((SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
                             WHERE c.relname = '{AuditTable}' AND c.relnamespace = 'public'::regnamespace), false)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (role, superuser, owner) = (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2));
        if (superuser || owner)
        {
            throw new InvalidOperationException(
                $"The app connects to the database as '{role}', which is {(superuser ? "a superuser" : "the owner of the audit trail")} and could rewrite it. " +
                "Connect the app (Database:ConnectionString) as a role of its own and migrate as the owner (Database:MigrationConnectionString).");
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
