using CommandCenter.DemoCounty;
using CommandCenter.TestSupport.Hosting;
using Npgsql;

namespace CommandCenter.TestSupport.Data;

/// <summary>Reads what tests need to know about the seeded county, straight from its database.</summary>
public sealed class CountyRecords(string connectionString)
{
    private readonly DemoDeviceKeys keys = new(CommandCenterApp.DeviceKeySecret);

    /// <summary>The n-th device (by id) whose subject's positioning order is in force today, so its location may be shown.</summary>
    public async Task<TestDevice> VisibleDeviceAsync(int index)
    {
        const string sql = """
            SELECT d.id, d.serial, s.id, s.code FROM devices d JOIN subjects s ON s.id = d.subject_id
            WHERE EXISTS (SELECT 1 FROM positioning_orders o WHERE o.subject_id = s.id AND o.status = 'Approved'
                          AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN o.start_date AND COALESCE(o.ended_early_on, o.end_date))
            ORDER BY d.id OFFSET @index LIMIT 1
            """;
        return await SingleDeviceAsync(sql, ("index", index));
    }

    /// <summary>A device whose subject's positioning order has ended: their location must not be shown.</summary>
    public async Task<TestDevice> HiddenDeviceAsync()
    {
        const string sql = """
            SELECT d.id, d.serial, s.id, s.code FROM devices d JOIN subjects s ON s.id = d.subject_id
            WHERE NOT EXISTS (SELECT 1 FROM positioning_orders o WHERE o.subject_id = s.id AND o.status = 'Approved'
                              AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN o.start_date AND COALESCE(o.ended_early_on, o.end_date))
            ORDER BY d.id LIMIT 1
            """;
        return await SingleDeviceAsync(sql);
    }

    /// <summary>A victim's-home zone with the one subject it bans, and a point inside it.</summary>
    public async Task<(int FenceId, TestDevice Device, double Latitude, double Longitude)> VictimHomeZoneAsync()
    {
        const string sql = """
            SELECT g.id, d.id, d.serial, s.id, s.code, ST_Y(ST_PointOnSurface(g.area)), ST_X(ST_PointOnSurface(g.area))
            FROM geofences g JOIN subjects s ON s.id = g.scope_subject_ids[1] JOIN devices d ON d.subject_id = s.id
            WHERE g.kind = 'Exclusion' AND g.immediate ORDER BY g.id LIMIT 1
            """;
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The seeded county has no victim's-home zone.");
        }

        var serial = reader.GetString(2);
        var device = new TestDevice(reader.GetInt32(1), serial, keys.KeyFor(serial), reader.GetInt32(3), reader.GetString(4));
        return (reader.GetInt32(0), device, reader.GetDouble(5), reader.GetDouble(6));
    }

    /// <summary>
    /// Stores fixes of a subject as ingest would (each in positions, the newest as the latest position): at
    /// offsets in degrees north and east of their home, at times before now.
    /// </summary>
    public async Task PlaceAsync(int subjectId, params (TimeSpan Before, double North, double East)[] fixes)
    {
        const string sql = """
            INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
            SELECT COALESCE((SELECT min(id) FROM devices WHERE subject_id = s.id), 0), now() - @before, s.id, now(),
                   ST_Translate(s.home, @east, @north), 8
            FROM subjects s WHERE s.id = @s;
            INSERT INTO latest_positions (subject_id, device_id, fix_time, received_at, location)
            SELECT s.id, COALESCE((SELECT min(id) FROM devices WHERE subject_id = s.id), 0), now() - @before, now(), ST_Translate(s.home, @east, @north)
            FROM subjects s WHERE s.id = @s
            ON CONFLICT (subject_id) DO UPDATE SET fix_time = excluded.fix_time, location = excluded.location
            WHERE latest_positions.fix_time < excluded.fix_time;
            """;
        await using var connection = await OpenAsync();
        foreach (var (before, north, east) in fixes)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("s", subjectId);
            command.Parameters.AddWithValue("before", before);
            command.Parameters.AddWithValue("north", north);
            command.Parameters.AddWithValue("east", east);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs a statement as the database owner (tests that must reach behind the app, e.g. to tamper).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => ScalarAsync<long>(sql, parameters);

    /// <summary>How many fixes of the device are stored.</summary>
    public Task<long> PositionsOfAsync(TestDevice device) =>
        CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", device.DeviceId));

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<TestDevice> SingleDeviceAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No seeded device matches.");
        }

        var serial = reader.GetString(1);
        return new TestDevice(reader.GetInt32(0), serial, keys.KeyFor(serial), reader.GetInt32(2), reader.GetString(3));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
