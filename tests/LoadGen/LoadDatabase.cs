using Npgsql;

namespace CommandCenter.LoadGen;

/// <summary>What the benchmarks ask the database and the machine at the end of a run.</summary>
internal static class LoadDatabase
{
    /// <summary>One count since <paramref name="since"/> (the query names it @since).</summary>
    public static async Task<long> ScalarAsync(string database, string sql, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The machine's load averages: the benchmarks share two cores with whatever else runs.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
