using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Ingest;

/// <summary>
/// Stores a batch of accepted fixes and raises the fence alerts they cause, all in one transaction:
/// positions (a resent fix is stored once), the latest position per subject, alerts and their first
/// event. The fence check asks PostGIS directly; alert messages carry no sequence number until they are
/// published, which the caller does only after this method has committed.
/// </summary>
public class PositionStore(NpgsqlDataSource dataSource, SeverityPolicy severities)
{
    private const string InsertPositions = """
        INSERT INTO positions (device_id, subject_id, fix_time, received_at, location, accuracy_meters, speed_kmh, heading, battery_percent)
        SELECT u.device_id, u.subject_id, u.fix_time, @received_at, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326),
               u.accuracy, u.speed, u.heading, u.battery
        FROM unnest(@device_ids, @subject_ids, @fix_times, @lons, @lats, @accuracies, @speeds, @headings, @batteries)
             AS u(device_id, subject_id, fix_time, lon, lat, accuracy, speed, heading, battery)
        ON CONFLICT (device_id, fix_time) DO NOTHING
        RETURNING device_id, fix_time
        """;

    private const string UpsertLatest = """
        INSERT INTO latest_positions (subject_id, device_id, fix_time, received_at, location, accuracy_meters, battery_percent)
        SELECT u.subject_id, u.device_id, u.fix_time, @received_at, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), u.accuracy, u.battery
        FROM unnest(@subject_ids, @device_ids, @fix_times, @lons, @lats, @accuracies, @batteries)
             AS u(subject_id, device_id, fix_time, lon, lat, accuracy, battery)
        ON CONFLICT (subject_id) DO UPDATE
        SET device_id = excluded.device_id, fix_time = excluded.fix_time, received_at = excluded.received_at,
            location = excluded.location, accuracy_meters = excluded.accuracy_meters, battery_percent = excluded.battery_percent
        WHERE latest_positions.fix_time < excluded.fix_time
        """;

    // Inclusion fences are left when the fix is farther than the fence's buffer from it (metres, on the
    // spheroid); exclusion fences are entered when they cover the fix. Schedules are not yet honoured here.
    private const string FindViolations = """
        SELECT u.i, g.id, g.kind, g.name
        FROM unnest(@subject_ids, @lons, @lats) WITH ORDINALITY AS u(subject_id, lon, lat, i)
        JOIN subjects s ON s.id = u.subject_id
        JOIN geofences g ON g.active AND g.kind IN ('Inclusion', 'Exclusion') AND g.schedule IS NULL
             AND (g.scope = 'AllSubjects'
                  OR (g.scope = 'ListedSubjects' AND s.id = ANY (g.scope_subject_ids))
                  OR (g.scope = 'RiskLevel' AND g.scope_risk_level = s.risk_level)
                  OR (g.scope = 'Squad' AND g.scope_squad_id = s.squad_id))
        WHERE CASE g.kind
                WHEN 'Inclusion' THEN NOT ST_DWithin(g.area::geography, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)::geography, g.buffer_meters)
                ELSE ST_Covers(g.area, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326))
              END
        ORDER BY u.i
        """;

    private const string InsertAlerts = """
        INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, raised_at, fix_time, location, condition_cleared)
        SELECT u.subject_id, u.rule, u.fence_id, u.severity, 'Raised', u.squad_id, @raised_at, u.fix_time,
               ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), false
        FROM unnest(@subject_ids, @rules, @fence_ids, @severities, @squad_ids, @fix_times, @lons, @lats)
             AS u(subject_id, rule, fence_id, severity, squad_id, fix_time, lon, lat)
        ON CONFLICT (subject_id, rule, fence_id) WHERE state NOT IN ('Resolved', 'Dismissed') DO NOTHING
        RETURNING id, subject_id, rule, fence_id
        """;

    private const string InsertRaisedEvents = """
        INSERT INTO alert_events (alert_id, kind, at, actor, note)
        SELECT id, 'Raised', @at, 'system', NULL FROM unnest(@alert_ids) AS id
        """;

    public async Task<StoreResult> StoreAsync(IReadOnlyList<AcceptedFix> fixes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A batch may repeat a fix; the first copy stands for all of them.
        var unique = fixes.DistinctBy(f => (f.Device.DeviceId, f.FixTime)).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var stored = await InsertPositionsAsync(connection, unique, now, cancellationToken);
        await UpsertLatestAsync(connection, stored, now, cancellationToken);
        var candidates = await FindViolationsAsync(connection, stored, cancellationToken);
        var raised = await InsertAlertsAsync(connection, candidates, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);

        var visible = stored.Where(f => f.Device.LocationVisible)
            .Select(f => new PositionUpdate(f.Device.SubjectId, f.Latitude, f.Longitude, f.FixTime))
            .ToList();
        return new StoreResult(stored.Count, fixes.Count - stored.Count, raised, visible);
    }

    private static async Task<List<AcceptedFix>> InsertPositionsAsync(NpgsqlConnection connection, List<AcceptedFix> fixes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertPositions, connection);
        command.Parameters.AddWithValue("received_at", now);
        command.Parameters.AddWithValue("device_ids", fixes.Select(f => f.Device.DeviceId).ToArray());
        command.Parameters.AddWithValue("subject_ids", fixes.Select(f => f.Device.SubjectId).ToArray());
        command.Parameters.AddWithValue("fix_times", fixes.Select(f => f.FixTime).ToArray());
        command.Parameters.AddWithValue("lons", fixes.Select(f => f.Longitude).ToArray());
        command.Parameters.AddWithValue("lats", fixes.Select(f => f.Latitude).ToArray());
        AddNullable(command, "accuracies", fixes.Select(f => f.Accuracy), NpgsqlDbType.Double);
        AddNullable(command, "speeds", fixes.Select(f => f.Speed), NpgsqlDbType.Double);
        AddNullable(command, "headings", fixes.Select(f => f.Heading), NpgsqlDbType.Double);
        AddNullable(command, "batteries", fixes.Select(f => f.Battery), NpgsqlDbType.Integer);

        var inserted = new HashSet<(int, DateTimeOffset)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        return fixes.Where(f => inserted.Contains((f.Device.DeviceId, f.FixTime))).ToList();
    }

    private static async Task UpsertLatestAsync(NpgsqlConnection connection, List<AcceptedFix> stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newest = stored.GroupBy(f => f.Device.SubjectId).Select(g => g.MaxBy(f => f.FixTime)!).ToList();
        if (newest.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(UpsertLatest, connection);
        command.Parameters.AddWithValue("received_at", now);
        command.Parameters.AddWithValue("subject_ids", newest.Select(f => f.Device.SubjectId).ToArray());
        command.Parameters.AddWithValue("device_ids", newest.Select(f => f.Device.DeviceId).ToArray());
        command.Parameters.AddWithValue("fix_times", newest.Select(f => f.FixTime).ToArray());
        command.Parameters.AddWithValue("lons", newest.Select(f => f.Longitude).ToArray());
        command.Parameters.AddWithValue("lats", newest.Select(f => f.Latitude).ToArray());
        AddNullable(command, "accuracies", newest.Select(f => f.Accuracy), NpgsqlDbType.Double);
        AddNullable(command, "batteries", newest.Select(f => f.Battery), NpgsqlDbType.Integer);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<Violation>> FindViolationsAsync(NpgsqlConnection connection, List<AcceptedFix> stored, CancellationToken cancellationToken)
    {
        var violations = new List<Violation>();
        if (stored.Count == 0)
        {
            return violations;
        }

        await using var command = new NpgsqlCommand(FindViolations, connection);
        command.Parameters.AddWithValue("subject_ids", stored.Select(f => f.Device.SubjectId).ToArray());
        command.Parameters.AddWithValue("lons", stored.Select(f => f.Longitude).ToArray());
        command.Parameters.AddWithValue("lats", stored.Select(f => f.Latitude).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var fix = stored[(int)reader.GetInt64(0) - 1];
            var rule = reader.GetString(2) == "Inclusion" ? AlertRule.ZoneExit : AlertRule.ZoneEntry;
            violations.Add(new Violation(fix, rule, reader.GetInt32(1), reader.GetString(3)));
        }

        return violations;
    }

    private async Task<List<AlertMessage>> InsertAlertsAsync(NpgsqlConnection connection, List<Violation> violations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The earliest fix of the batch raises the alert; later ones in the same batch would only collide with it.
        var first = violations
            .GroupBy(v => (v.Fix.Device.SubjectId, v.Rule, v.FenceId))
            .Select(g => g.MinBy(v => v.Fix.FixTime)!)
            .ToList();
        if (first.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(InsertAlerts, connection);
        command.Parameters.AddWithValue("raised_at", now);
        command.Parameters.AddWithValue("subject_ids", first.Select(v => v.Fix.Device.SubjectId).ToArray());
        command.Parameters.AddWithValue("rules", first.Select(v => v.Rule.ToString()).ToArray());
        command.Parameters.AddWithValue("fence_ids", first.Select(v => v.FenceId).ToArray());
        command.Parameters.AddWithValue("severities", first.Select(v => severities.For(v.Rule).ToString()).ToArray());
        command.Parameters.AddWithValue("squad_ids", first.Select(v => v.Fix.Device.SquadId).ToArray());
        command.Parameters.AddWithValue("fix_times", first.Select(v => v.Fix.FixTime).ToArray());
        command.Parameters.AddWithValue("lons", first.Select(v => v.Fix.Longitude).ToArray());
        command.Parameters.AddWithValue("lats", first.Select(v => v.Fix.Latitude).ToArray());

        var raised = new List<AlertMessage>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetInt32(1), Enum.Parse<AlertRule>(reader.GetString(2)), reader.GetInt32(3));
                var violation = first.First(v => (v.Fix.Device.SubjectId, v.Rule, v.FenceId) == key);
                raised.Add(ToMessage(reader.GetInt64(0), violation, now));
            }
        }

        if (raised.Count > 0)
        {
            await using var events = new NpgsqlCommand(InsertRaisedEvents, connection);
            events.Parameters.AddWithValue("at", now);
            events.Parameters.AddWithValue("alert_ids", raised.Select(a => a.AlertId).ToArray());
            await events.ExecuteNonQueryAsync(cancellationToken);
        }

        return raised;
    }

    private AlertMessage ToMessage(long alertId, Violation violation, DateTimeOffset now)
    {
        var device = violation.Fix.Device;
        return new AlertMessage(
            Sequence: 0,
            AlertId: alertId,
            SubjectId: device.SubjectId,
            SubjectCode: device.SubjectCode,
            Rule: violation.Rule,
            Severity: severities.For(violation.Rule),
            State: AlertState.Raised,
            FenceId: violation.FenceId,
            FenceName: violation.FenceName,
            SquadId: device.SquadId,
            SquadName: device.SquadName,
            RaisedAt: now,
            Latitude: device.LocationVisible ? violation.Fix.Latitude : null,
            Longitude: device.LocationVisible ? violation.Fix.Longitude : null);
    }

    private static void AddNullable<T>(NpgsqlCommand command, string name, IEnumerable<T?> values, NpgsqlDbType elementType)
        where T : struct
    {
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() });
    }

    private sealed record Violation(AcceptedFix Fix, AlertRule Rule, int FenceId, string FenceName);
}
