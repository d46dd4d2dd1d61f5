using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.LoadGen;

/// <summary>
/// Every fix answered 202, by device and time (the positions' key), and how many of them the database does not
/// hold: a count of rows alone would let a fix stored twice hide one that was lost.
/// </summary>
internal sealed class AcceptedFixes
{
    private readonly ConcurrentQueue<(int DeviceId, DateTimeOffset Time)> fixes = new();

    public long Count => fixes.Count;

    public void Add(IEnumerable<(LoadSubject Subject, DateTimeOffset Time, double Longitude, double Latitude)> batch)
    {
        foreach (var fix in batch)
        {
            fixes.Enqueue((fix.Subject.DeviceId, fix.Time));
        }
    }

    public async Task<long> MissingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMPORARY TABLE accepted_fixes (device_id integer, fix_time timestamptz)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY accepted_fixes (device_id, fix_time) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (device, time) in fixes)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(device, NpgsqlDbType.Integer);
                await importer.WriteAsync(time, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        await using var count = new NpgsqlCommand("""
            SELECT count(*) FROM accepted_fixes a
            WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.device_id = a.device_id AND p.fix_time = a.fix_time)
            """, connection) { CommandTimeout = 600 };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
