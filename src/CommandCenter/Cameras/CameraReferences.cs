using Npgsql;

namespace CommandCenter.Cameras;

/// <summary>The rows that refer to a camera, found through every foreign key that points at the cameras table.</summary>
public static class CameraReferences
{
    private const string ForeignKeys = """
        SELECT c.conrelid::regclass::text, quote_ident(a.attname)
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = 'cameras'::regclass
        ORDER BY 1, 2
        """;

    /// <summary>Rows per "table.column" that hold the camera's id; empty when nothing refers to it.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(NpgsqlConnection connection, int cameraId, CancellationToken cancellationToken)
    {
        var keys = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(ForeignKeys, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new Dictionary<string, long>();
        foreach (var (table, column) in keys)
        {
            // Both names come from the catalog, already quoted where they need it; the id is a parameter.
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {column} = @id", connection);
            count.Parameters.AddWithValue("id", cameraId);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! is var rows and > 0)
            {
                found[$"{table}.{column}"] = rows;
            }
        }

        return found;
    }
}
