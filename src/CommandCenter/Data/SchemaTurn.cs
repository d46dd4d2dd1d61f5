using Npgsql;

namespace CommandCenter.Data;

/// <summary>
/// One node at a time migrates the schema and grants the app's role its rights. Nodes of a site started together
/// (`docker compose up --scale app=3`) would otherwise do both at once, and PostgreSQL refuses two GRANTs on one
/// catalog row at a time ("tuple concurrently updated"), stopping a node at start. The turn is a session advisory
/// lock on the owner's connection of its own: a node that dies holding it lets the next one go.
/// </summary>
public sealed class SchemaTurn : IAsyncDisposable
{
    public const long Lock = 0x63635F736368656D; // "cc_schem"

    private readonly NpgsqlConnection connection;

    private SchemaTurn(NpgsqlConnection connection) => this.connection = connection;

    /// <summary>Waits for the turn on a connection of its own (give one without pooling); dispose the result to end it.</summary>
    public static async Task<SchemaTurn> TakeAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ownerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Waits as long as the node before it takes: a migration of a large site may run for minutes, and a node that
            // gave up after the default 30 s would stop at start.
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            wait.Parameters.AddWithValue("key", Lock);
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new SchemaTurn(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the session ends the turn.</summary>
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
