using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Data.Configurations;
using CommandCenter.Live.Log;
using CommandCenter.Security.Audit;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Ingest;

/// <summary>
/// Writes one micro-batch in one transaction: the fixes by binary COPY into a temporary table and from
/// there into the positions (a fix already stored for the device and time is skipped), the newest
/// position per subject, the alerts the rules decided on with their events, an audit row, and the live log's
/// entries that tell every node's screens. Either all of it commits or none of it does.
/// </summary>
public class IngestBatchWriter(AuditTrail audit, LiveLog liveLog)
{
    /// <summary>Created once per connection; emptied by every commit.</summary>
    public const string CreateIncoming = """
        CREATE TEMP TABLE IF NOT EXISTS incoming_positions (
            device_id integer NOT NULL, subject_id integer NOT NULL, fix_time timestamptz NOT NULL,
            lon double precision NOT NULL, lat double precision NOT NULL, accuracy double precision,
            speed double precision, heading double precision, battery integer
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopyIncoming =
        "COPY incoming_positions (device_id, subject_id, fix_time, lon, lat, accuracy, speed, heading, battery) FROM STDIN (FORMAT BINARY)";

    private const string InsertPositions = """
        INSERT INTO positions (device_id, subject_id, fix_time, received_at, location, accuracy_meters, speed_kmh, heading, battery_percent)
        SELECT device_id, subject_id, fix_time, @received_at, ST_SetSRID(ST_MakePoint(lon, lat), 4326), accuracy, speed, heading, battery
        FROM incoming_positions
        ON CONFLICT (device_id, fix_time) DO NOTHING
        RETURNING device_id, fix_time
        """;

    private const string UpsertLatest = """
        INSERT INTO latest_positions (subject_id, device_id, fix_time, received_at, location, accuracy_meters, battery_percent)
        SELECT DISTINCT ON (subject_id) subject_id, device_id, fix_time, @received_at, ST_SetSRID(ST_MakePoint(lon, lat), 4326), accuracy, battery
        FROM incoming_positions
        ORDER BY subject_id, fix_time DESC
        ON CONFLICT (subject_id) DO UPDATE
        SET device_id = excluded.device_id, fix_time = excluded.fix_time, received_at = excluded.received_at,
            location = excluded.location, accuracy_meters = excluded.accuracy_meters, battery_percent = excluded.battery_percent
        WHERE latest_positions.fix_time < excluded.fix_time
        """;

    private const string Returning = """
        RETURNING a.id, a.subject_id, a.rule, a.fence_id, a.state, a.severity, a.squad_id, a.raised_at, a.detail, a.condition_cleared,
                  ST_Y(a.location), ST_X(a.location), a.dispatched_squad_id, a.escalated_at, a.detail_key, a.detail_args::text
        """;

    // A raise for a key that already has an open alert marks its condition active again (and takes a newer
    // detail, such as an order's last day); when nothing changes, no row comes back. A row that was
    // inserted, not updated, has no xmax (the row an ON CONFLICT update leaves is locked by this transaction).
    // The detail is a message key and its arguments; the screens render it in their reader's language.
    private const string Raise = $"""
        INSERT INTO alerts AS a (subject_id, rule, fence_id, severity, state, squad_id, raised_at, fix_time, location, condition_cleared, detail_key, detail_args)
        SELECT u.subject_id, u.rule, u.fence_id, u.severity, 'Raised', u.squad_id, @now, u.fix_time,
               CASE WHEN u.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326) END, false, u.detail_key, u.detail_args
        FROM unnest(@subject_ids, @rules, @fence_ids, @severities, @squad_ids, @fix_times, @lons, @lats, @detail_keys, @detail_args)
             AS u(subject_id, rule, fence_id, severity, squad_id, fix_time, lon, lat, detail_key, detail_args)
        ON CONFLICT (subject_id, rule, fence_id) WHERE {Data.OpenAlerts.Sql}
        DO UPDATE SET condition_cleared = false,
            detail_key = COALESCE(excluded.detail_key, a.detail_key),
            detail_args = CASE WHEN excluded.detail_key IS NULL THEN a.detail_args ELSE excluded.detail_args END
        WHERE a.condition_cleared
           OR (excluded.detail_key IS NOT NULL AND (a.detail_key IS DISTINCT FROM excluded.detail_key OR a.detail_args IS DISTINCT FROM excluded.detail_args))
        {Returning}, (a.xmax = 0)
        """;

    private const string Clear = $"""
        UPDATE alerts AS a SET condition_cleared = true
        FROM unnest(@subject_ids, @rules, @fence_ids) AS u(subject_id, rule, fence_id)
        WHERE a.subject_id = u.subject_id AND a.rule = u.rule AND a.fence_id IS NOT DISTINCT FROM u.fence_id
          AND a.{Data.OpenAlerts.Sql} AND NOT a.condition_cleared
        {Returning}, false
        """;

    private const string InsertEvents = """
        INSERT INTO alert_events (alert_id, kind, at, actor, note, note_key, note_args)
        SELECT u.alert_id, u.kind, @at, 'system', u.note, u.note_key, u.note_args
        FROM unnest(@alert_ids, @kinds, @notes, @note_keys, @note_args) AS u(alert_id, kind, note, note_key, note_args)
        """;

    public async Task<WriteResult> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<AcceptedFix> fixes, IReadOnlyList<AlertDecision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await WriteWithinAsync(connection, fixes, decisions, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Writes the same within a transaction the caller began (and commits with what else it holds).</summary>
    public async Task<WriteResult> WriteWithinAsync(
        NpgsqlConnection connection, IReadOnlyList<AcceptedFix> fixes, IReadOnlyList<AlertDecision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = fixes.Count == 0 ? [] : await StorePositionsAsync(connection, fixes, now, cancellationToken);

        var alerts = await WriteAlertsAsync(connection, decisions, now, cancellationToken);
        return new WriteResult(stored, alerts);
    }

    /// <summary>
    /// Stores the rules' decisions in the caller's transaction: the alerts with their events, an audit row and the live
    /// log's entries. The ingest batch writes through it, and so do the periodic pattern jobs, so every alert of the
    /// site is raised by the same statements under the same open-alert index.
    /// </summary>
    public async Task<List<StoredAlert>> WriteAlertsAsync(
        NpgsqlConnection connection, IReadOnlyList<AlertDecision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A batch may raise and clear the same key (a subject stepping out and back): the first raise
        // carries the alert, the last decision says whether its condition still holds.
        var byKey = decisions.GroupBy(d => d.Key).ToList();
        var raises = byKey.Select(g => g.FirstOrDefault(d => d.Kind == AlertDecisionKind.Raise)).OfType<AlertDecision>().ToList();
        var clears = byKey.Where(g => g.Last().Kind == AlertDecisionKind.ClearCondition).Select(g => g.Last()).ToList();
        var alerts = new List<StoredAlert>();
        if (raises.Count > 0)
        {
            alerts.AddRange(await RaiseAsync(connection, raises, now, cancellationToken));
        }

        if (clears.Count > 0)
        {
            alerts.AddRange(await ClearAsync(connection, clears, cancellationToken));
        }

        if (alerts.Count > 0)
        {
            await AddEventsAsync(connection, alerts, now, cancellationToken);
            await audit.AppendAsync(connection, new AuditRecord("system", AuditActions.AlertAction, "alerts", Describe(alerts)), cancellationToken);

            // Last before the commit: appends take turns until their commit (see LiveLog).
            await liveLog.AppendAsync(connection, [.. alerts.Select(a => a.Inserted ? LiveLogRecord.AlertRaised(a.Id, a.SquadId) : LiveLogRecord.AlertChanged(a.Id, a.SquadId))], cancellationToken);
        }

        return alerts;
    }

    private static async Task<HashSet<(int, DateTimeOffset)>> StorePositionsAsync(NpgsqlConnection connection, IReadOnlyList<AcceptedFix> fixes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(CopyIncoming, cancellationToken))
        {
            foreach (var fix in fixes)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(fix.Device.DeviceId, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(fix.Device.Subject.Id, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(fix.FixTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(fix.Longitude, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(fix.Latitude, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(importer, fix.Accuracy, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(importer, fix.Speed, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(importer, fix.Heading, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(importer, fix.Battery, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var stored = new HashSet<(int, DateTimeOffset)>();
        await using (var insert = new NpgsqlCommand(InsertPositions, connection))
        {
            insert.Parameters.AddWithValue("received_at", now);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        await using (var latest = new NpgsqlCommand(UpsertLatest, connection))
        {
            latest.Parameters.AddWithValue("received_at", now);
            await latest.ExecuteNonQueryAsync(cancellationToken);
        }

        return stored;
    }

    private static async Task<List<StoredAlert>> RaiseAsync(NpgsqlConnection connection, List<AlertDecision> raises, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Raise, connection);
        command.Parameters.AddWithValue("now", now);
        AddKeys(command, raises);
        command.Parameters.AddWithValue("severities", raises.Select(d => d.Severity.ToString()).ToArray());
        command.Parameters.AddWithValue("squad_ids", raises.Select(d => d.SquadId).ToArray());
        AddArray(command, "fix_times", raises.Select(d => d.FixTime), NpgsqlDbType.TimestampTz);
        AddArray(command, "lons", raises.Select(d => d.Longitude), NpgsqlDbType.Double);
        AddArray(command, "lats", raises.Select(d => d.Latitude), NpgsqlDbType.Double);
        AddDetails(command, "detail_keys", "detail_args", raises.Select(d => d.Detail).ToList());
        return await ReadAlertsAsync(command, cancellationToken);
    }

    private static async Task<List<StoredAlert>> ClearAsync(NpgsqlConnection connection, List<AlertDecision> clears, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Clear, connection);
        AddKeys(command, clears);
        return await ReadAlertsAsync(command, cancellationToken);
    }

    private static async Task AddEventsAsync(NpgsqlConnection connection, List<StoredAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertEvents, connection);
        command.Parameters.AddWithValue("at", now);
        command.Parameters.AddWithValue("alert_ids", alerts.Select(a => a.Id).ToArray());
        command.Parameters.AddWithValue("kinds", alerts.Select(a => EventKind(a).ToString()).ToArray());
        command.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = alerts.Select(a => a.DetailMessage is null ? a.Detail : null).ToArray() });
        AddDetails(command, "note_keys", "note_args", alerts.Select(a => a.DetailMessage).ToList());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static AlertLog.AlertEventKind EventKind(StoredAlert alert) =>
        alert.Inserted ? AlertLog.AlertEventKind.Raised
        : alert.ConditionCleared ? AlertLog.AlertEventKind.ConditionCleared
        : AlertLog.AlertEventKind.ConditionRecurred;

    private static void AddDetails(NpgsqlCommand command, string keys, string args, List<AlertDetail?> details)
    {
        command.Parameters.Add(new NpgsqlParameter(keys, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = details.Select(d => d?.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter(args, NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = details.Select(d => JsonStrings.Serialize(d?.Args)).ToArray() });
    }

    private static void AddKeys(NpgsqlCommand command, List<AlertDecision> decisions)
    {
        command.Parameters.AddWithValue("subject_ids", decisions.Select(d => (int)d.Key.SubjectId).ToArray());
        command.Parameters.AddWithValue("rules", decisions.Select(d => d.Key.Rule.Rule.ToString()).ToArray());
        AddArray(command, "fence_ids", decisions.Select(d => d.Key.Rule.FenceId), NpgsqlDbType.Integer);
    }

    private static async Task<List<StoredAlert>> ReadAlertsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new StoredAlert(
                Id: reader.GetInt64(0),
                SubjectId: reader.GetInt32(1),
                Rule: Enum.Parse<AlertRule>(reader.GetString(2)),
                FenceId: reader.IsDBNull(3) ? null : reader.GetInt32(3),
                State: Enum.Parse<AlertState>(reader.GetString(4)),
                Severity: Enum.Parse<AlertSeverity>(reader.GetString(5)),
                SquadId: reader.GetInt32(6),
                RaisedAt: reader.GetFieldValue<DateTimeOffset>(7),
                Detail: reader.IsDBNull(8) ? null : reader.GetString(8),
                ConditionCleared: reader.GetBoolean(9),
                Latitude: reader.IsDBNull(10) ? null : reader.GetDouble(10),
                Longitude: reader.IsDBNull(11) ? null : reader.GetDouble(11),
                DispatchedSquadId: reader.IsDBNull(12) ? null : reader.GetInt32(12),
                EscalatedAt: reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                DetailMessage: reader.IsDBNull(14) ? null : new AlertDetail(reader.GetString(14), JsonStrings.Deserialize(reader.IsDBNull(15) ? null : reader.GetString(15)) ?? []),
                Inserted: reader.GetBoolean(16)));
        }

        return alerts;
    }

    private static string Describe(List<StoredAlert> alerts)
    {
        string Ids(IEnumerable<StoredAlert> some) => string.Join(",", some.Take(50).Select(a => a.Id)) + (some.Count() > 50 ? ",…" : "");
        var raised = alerts.Where(a => a.Inserted).ToList();
        var cleared = alerts.Where(a => !a.Inserted && a.ConditionCleared).ToList();
        var recurred = alerts.Where(a => !a.Inserted && !a.ConditionCleared).ToList();
        return $"raised {raised.Count} [{Ids(raised)}]; condition cleared {cleared.Count} [{Ids(cleared)}]; condition recurred {recurred.Count} [{Ids(recurred)}]";
    }

    private static void AddArray<T>(NpgsqlCommand command, string name, IEnumerable<T?> values, NpgsqlDbType elementType)
        where T : struct =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() });

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await importer.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }
}
