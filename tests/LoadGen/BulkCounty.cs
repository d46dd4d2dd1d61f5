using Npgsql;

namespace CommandCenter.LoadGen;

/// <summary>
/// Fills a seeded county up to the load's size with plain SQL: subjects at random places in the county,
/// one device each (key "key-{id}"), positioning orders in force, latest positions at home, and fences:
/// a victim's-home zone (immediate) 2 km from each probe subject, the rest exclusion zones of 150 m
/// scattered over the county, each banned to three subjects.
/// </summary>
internal static class BulkCounty
{
    public static async Task<List<LoadSubject>> SeedAsync(string connectionString, int subjects, int fences, int probes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            WITH points AS (SELECT (ST_Dump(ST_GeneratePoints(a.boundary, @subjects, 42))).geom AS geom FROM admin_areas a WHERE a.role = 'County'),
                 numbered AS (SELECT row_number() OVER () AS n, geom FROM points),
                 squads AS (SELECT array_agg(id ORDER BY id) AS ids FROM squads)
            INSERT INTO subjects (code, name, id_number, phone, correction_type, supervision_level, risk_level, status, squad_id,
                                  term_start, term_end, intake_date, home_address, home)
            SELECT 'LG' || lpad(n::text, 6, '0'), '负载' || n, lpad(n::text, 18, '0'), '1810' || lpad(n::text, 7, '0'),
                   'SuspendedSentence', 'Ordinary', CASE n % 3 WHEN 0 THEN 'High' WHEN 1 THEN 'Medium' ELSE 'Low' END, 'InCorrection',
                   squads.ids[1 + n % array_length(squads.ids, 1)], current_date - 100, current_date + 300, current_date - 95, '负载测试', geom
            FROM numbered, squads
            """, ("subjects", subjects));
        await ExecuteAsync(connection, """
            INSERT INTO devices (serial, kind, subject_id, key_hash, active)
            SELECT 'LG-' || id, CASE WHEN id % 5 = 0 THEN 'Bracelet' ELSE 'Phone' END, id, encode(sha256(convert_to('key-' || id, 'UTF8')), 'hex'), true
            FROM subjects WHERE code LIKE 'LG%'
            """);
        await ExecuteAsync(connection, """
            INSERT INTO positioning_orders (subject_id, reason, status, start_date, end_date, requested_by, requested_at, decided_by, decided_at)
            SELECT id, 'ProhibitionOrderBreach', 'Approved', current_date - 10, current_date + 80, '负载测试', now(), '负载测试', now()
            FROM subjects WHERE code LIKE 'LG%'
            """);
        await ExecuteAsync(connection, """
            INSERT INTO latest_positions (subject_id, device_id, fix_time, received_at, location, accuracy_meters, battery_percent)
            SELECT s.id, d.id, now(), now(), s.home, 10, 80 FROM subjects s JOIN devices d ON d.subject_id = s.id WHERE s.code LIKE 'LG%'
            """);
        await ExecuteAsync(connection, """
            INSERT INTO geofences (name, kind, area, buffer_meters, scope, scope_subject_ids, immediate, active, updated_at)
            SELECT '被害人住所（' || code || '）', 'Exclusion', ST_Buffer(ST_Translate(home, 0.022, 0)::geography, 100)::geometry, 0, 'ListedSubjects', ARRAY[id], true, true, now()
            FROM (SELECT id, code, home FROM subjects WHERE code LIKE 'LG%' ORDER BY id LIMIT @probes) probe
            """, ("probes", probes));
        await ExecuteAsync(connection, """
            WITH points AS (SELECT (ST_Dump(ST_GeneratePoints(a.boundary, @zones, 7))).geom AS geom FROM admin_areas a WHERE a.role = 'County'),
                 numbered AS (SELECT row_number() OVER () AS n, geom FROM points),
                 ids AS (SELECT min(id) AS first, count(*) AS total FROM subjects WHERE code LIKE 'LG%')
            INSERT INTO geofences (name, kind, area, buffer_meters, scope, scope_subject_ids, immediate, active, updated_at)
            SELECT '负载禁区' || n, 'Exclusion', ST_Buffer(geom::geography, 150)::geometry, 0, 'ListedSubjects',
                   ARRAY[(first + (n * 7919) % total)::int, (first + (n * 104729) % total)::int, (first + (n * 1299709) % total)::int], false, true, now()
            FROM numbered, ids
            """, ("zones", Math.Max(0, fences - probes)));
        await ExecuteAsync(connection, "ANALYZE");

        var loaded = new List<LoadSubject>(subjects);
        await using var read = new NpgsqlCommand("""
            SELECT s.id, d.serial, ST_X(s.home), ST_Y(s.home), d.id FROM subjects s JOIN devices d ON d.subject_id = s.id
            WHERE s.code LIKE 'LG%' ORDER BY s.id
            """, connection);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (id, longitude, latitude) = (reader.GetInt32(0), reader.GetDouble(2), reader.GetDouble(3));
            loaded.Add(new LoadSubject(id, reader.GetInt32(4), reader.GetString(1), $"key-{id}", longitude, latitude,
                loaded.Count < probes ? (longitude + 0.022, latitude) : null));
        }

        return loaded;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
