using CommandCenter.Alerts.Rules;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// The table through which a node passes what it accepted to the owner of the subject's partition
/// (<see cref="HandedOffWork"/>). Both sides work inside the pipeline's transaction: the hand-off commits with the
/// stored fixes, the take commits with the owner's decisions.
/// </summary>
public sealed class HandOffs(SubjectPartitions partitions, DeviceDirectory directory)
{
    // The NOTIFY is delivered at commit, never before: the owner it wakes finds the rows (see HandOffWakeUps).
    private const string Insert = $"""
        INSERT INTO ingest_hand_offs (partition, subject_id, device_id, fix_time, longitude, latitude, accuracy_meters, speed_kmh, heading, battery_percent, charging, event)
        SELECT * FROM unnest(@partitions, @subject_ids, @device_ids, @fix_times, @lons, @lats, @accuracies, @speeds, @headings, @batteries, @charging, @events);
        SELECT pg_notify('{HandOffWakeUps.Channel}', @woken)
        """;

    // Only the owner of a partition takes from it, so no two takers meet; the limit keeps one transaction small. The
    // ids to take are worked out first, as an array, so the delete finds its rows through the key: written as IN (...),
    // PostgreSQL joined the ids against a scan of the whole table, every row taken since its last vacuum included
    // (28 ms against 6 ms for 500 rows over 100,000 taken, measured with EXPLAIN ANALYZE).
    private const string Take = """
        DELETE FROM ingest_hand_offs WHERE id = ANY(ARRAY(
            SELECT id FROM ingest_hand_offs WHERE partition = ANY(@partitions) ORDER BY id LIMIT @limit))
        RETURNING id, subject_id, device_id, fix_time, longitude, latitude, accuracy_meters, speed_kmh, heading, battery_percent, charging, event
        """;

    /// <summary>Hands off fixes and supervision changes of subjects this node does not own.</summary>
    public async Task HandOffAsync(NpgsqlConnection connection, IReadOnlyList<AcceptedFix> fixes, IReadOnlyList<int> supervisionChanged, CancellationToken cancellationToken)
    {
        if (fixes.Count == 0 && supervisionChanged.Count == 0)
        {
            return;
        }

        var subjects = fixes.Select(f => f.Device.Subject.Id).Concat(supervisionChanged).ToArray();
        var none = supervisionChanged.Select(_ => (AcceptedFix?)null);
        var all = fixes.Select(f => (AcceptedFix?)f).Concat(none).ToList();
        var handedTo = subjects.Select(s => partitions.Of(s)).ToArray();
        await using var command = new NpgsqlCommand(Insert, connection);
        command.Parameters.AddWithValue("partitions", handedTo);
        command.Parameters.AddWithValue("woken", string.Join(',', handedTo.Distinct().Order()));
        command.Parameters.AddWithValue("subject_ids", subjects);
        Add(command, "device_ids", all.Select(f => f?.Device.DeviceId), NpgsqlDbType.Integer);
        Add(command, "fix_times", all.Select(f => f?.FixTime), NpgsqlDbType.TimestampTz);
        Add(command, "lons", all.Select(f => f?.Longitude), NpgsqlDbType.Double);
        Add(command, "lats", all.Select(f => f?.Latitude), NpgsqlDbType.Double);
        Add(command, "accuracies", all.Select(f => f?.Accuracy), NpgsqlDbType.Double);
        Add(command, "speeds", all.Select(f => f?.Speed), NpgsqlDbType.Double);
        Add(command, "headings", all.Select(f => f?.Heading), NpgsqlDbType.Double);
        Add(command, "batteries", all.Select(f => f?.Battery), NpgsqlDbType.Integer);
        Add(command, "charging", all.Select(f => f?.Charging), NpgsqlDbType.Boolean);
        command.Parameters.Add(new NpgsqlParameter("events", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = all.Select(f => f is null || f.Event == DeviceEvent.None ? null : f.Event.ToString()).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes what was handed off to the partitions this node owns, oldest first: the fixes (as if accepted here) and
    /// the subjects whose supervision changed. A subject no longer under correction is dropped with its work.
    /// </summary>
    public async Task<(List<AcceptedFix> Fixes, List<int> SupervisionChanged)> TakeAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        var fixes = new List<AcceptedFix>();
        var changed = new List<int>();
        if (partitions.Owned.Count == 0)
        {
            return (fixes, changed);
        }

        var rows = new List<(long Id, int SubjectId, Func<SubjectRecord, AcceptedFix>? Fix)>();
        await using (var command = new NpgsqlCommand(Take, connection))
        {
            command.Parameters.AddWithValue("partitions", partitions.Owned.ToArray());
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : FixReader(reader)));
            }
        }

        // A DELETE returns its rows in no promised order; a subject's work is judged in the order it was handed off.
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));

        // A device enrolled a moment ago on another node may be news here: read the directory again before giving up on it.
        if (rows.Any(r => directory.Subject(r.SubjectId) is null))
        {
            await directory.RefreshAsync(cancellationToken);
        }

        foreach (var (_, subjectId, fix) in rows)
        {
            if (directory.Subject(subjectId) is not { } subject)
            {
                continue;
            }

            if (fix is null)
            {
                changed.Add(subjectId);
            }
            else
            {
                fixes.Add(fix(subject));
            }
        }

        return (fixes, changed);
    }

    /// <summary>Reads a handed-off fix now; it is made once the subject is found.</summary>
    private static Func<SubjectRecord, AcceptedFix> FixReader(NpgsqlDataReader reader)
    {
        var deviceId = reader.GetInt32(2);
        var fixTime = reader.GetFieldValue<DateTimeOffset>(3);
        var (longitude, latitude) = (reader.GetDouble(4), reader.GetDouble(5));
        var (accuracy, speed, heading) = (Nullable<double>(reader, 6), Nullable<double>(reader, 7), Nullable<double>(reader, 8));
        var battery = Nullable<int>(reader, 9);
        var charging = Nullable<bool>(reader, 10);
        var deviceEvent = reader.IsDBNull(11) ? DeviceEvent.None : Enum.Parse<DeviceEvent>(reader.GetString(11));

        // Only the device's id travels: its serial and key were checked by the node that accepted the fix.
        return subject => new AcceptedFix(new RegisteredDevice(deviceId, "", "", subject), fixTime, latitude, longitude, accuracy, speed, heading, battery)
        {
            Charging = charging,
            Event = deviceEvent,
        };
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int column)
        where T : struct => reader.IsDBNull(column) ? null : reader.GetFieldValue<T>(column);

    private static void Add<T>(NpgsqlCommand command, string name, IEnumerable<T?> values, NpgsqlDbType elementType)
        where T : struct =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() });
}
