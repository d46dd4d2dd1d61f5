using Npgsql;

namespace CommandCenter.TestSupport.Security;

/// <summary>Reads the audit trail straight from the database, as an auditor's evidence would be read.</summary>
public static class AuditRows
{
    public record Row(string Actor, string Action, string? Target, string? Detail, string? RemoteAddress);

    public static async Task<List<Row>> WhereAsync(string connectionString, string action)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT actor, action, target, detail, remote_address FROM audit_entries WHERE action = @action ORDER BY id", connection);
        command.Parameters.AddWithValue("action", action);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }
}
