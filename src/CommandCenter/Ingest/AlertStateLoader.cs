using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;
using CommandCenter.Supervision;
using NetTopologySuite.Geometries;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>
/// Reads what the rules must remember from the database: at start for every subject (latest positions,
/// open alerts, check-ins, permits, the reminders already given), and for one subject when its
/// check-ins or permits change.
/// </summary>
public class AlertStateLoader(DeviceDirectory directory, IOptionsMonitor<AlertOptions> alerts, ILogger<AlertStateLoader> logger)
{
    private const string Latest = "SELECT subject_id, fix_time, ST_X(location), ST_Y(location), accuracy_meters, received_at FROM latest_positions";
    // A fix another node accepted for a subject here is in latest_positions already while it waits in the hand-offs;
    // taken as the last fix, it would make the waiting fixes look old, and they would never be judged. For such a
    // subject the last fix is the newest stored before the first one waiting (none when there is none).
    private const string BeforeHandOffs = """
        SELECT h.subject_id, p.fix_time, ST_X(p.location), ST_Y(p.location), p.accuracy_meters, p.received_at
        FROM (SELECT subject_id, min(fix_time) AS first_waiting FROM ingest_hand_offs WHERE device_id IS NOT NULL GROUP BY subject_id) h
        LEFT JOIN LATERAL (
            SELECT fix_time, location, accuracy_meters, received_at FROM positions
            WHERE subject_id = h.subject_id AND fix_time < h.first_waiting ORDER BY fix_time DESC LIMIT 1) p ON true
        """;
    private const string OpenConditions = $"SELECT subject_id, rule, fence_id FROM alerts WHERE {Data.OpenAlerts.Sql} AND NOT condition_cleared";
    private const string Reminders = "SELECT subject_id, rule, max(raised_at) FROM alerts WHERE rule IN ('MissedCheckIn', 'OrderExpiry', 'SpotCheckFailed', 'RollCallMissed') GROUP BY subject_id, rule";
    private const string Schedules = "SELECT subject_id, first_due, interval_days, due_by FROM check_in_schedules";
    private const string LastCheckIns = "SELECT subject_id, max(at) FROM check_ins GROUP BY subject_id";
    // A day back is far more than any deadline: an older check was judged long ago, and the newest spot-check alert
    // (SpotChecksAlertedUpTo) keeps one already raised from being raised again.
    private const string SpotChecks = "SELECT id, subject_id, sent_at, deadline, answered_at, distance_meters, allowed_meters FROM spot_checks WHERE sent_at >= @since";
    // A leave is read until the rules have looked at it after its end and grace. One whose grace ran out while the rules
    // were not running (the host was down) is read for as long as UnseenLeaveLookBack, with the subject's last fix by
    // then, unless its overdue alert is already raised; one the rules found returned is judged the same again.
    private const string Permits = $"""
        SELECT p.id, p.subject_id, p.starts_at, p.ends_at, p.destination, p.area, p.buffer_meters,
               p.ends_at + @grace <= @now, f.fix_time, ST_X(f.location), ST_Y(f.location), f.accuracy_meters
        FROM leave_permits p
        LEFT JOIN LATERAL (
            SELECT fix_time, location, accuracy_meters FROM positions
            WHERE subject_id = p.subject_id AND fix_time >= p.starts_at AND fix_time <= p.ends_at + @grace
            ORDER BY fix_time DESC LIMIT 1) f ON p.ends_at + @grace <= @now
        WHERE {GrantedLeave.Sql} AND p.ends_at >= @now - @look_back
          AND (p.ends_at + @grace > @now OR NOT EXISTS (
              SELECT 1 FROM alerts a WHERE a.subject_id = p.subject_id AND a.rule = 'LeaveOverdue' AND a.detail_args->>0 = p.id::text))
        """;

    /// <summary>How long after its end a leave the rules never looked at is still judged: longer than any outage a site rides out.</summary>
    private static readonly TimeSpan UnseenLeaveLookBack = TimeSpan.FromDays(3);
    // As for spot checks: a day back covers any absence the rules have not weighed yet (one marked while the app was down).
    private const string Absences = """
        SELECT a.id, a.subject_id, c.name, r.deadline, a.marked_at FROM roll_call_attendees a
        JOIN roll_calls r ON r.id = a.roll_call_id JOIN cameras c ON c.id = r.camera_id
        WHERE a.mark = 'Absent' AND a.marked_at >= @since
        """;
    // The protected person's position is read here, by the node that holds the subject's rules, rather than carried
    // with the person's fix: the fix may arrive at any node, the row is the one place every node agrees on, and it
    // never reaches latest_positions, the maps or the hub.
    private const string ProtectedPeople = """
        SELECT l.subject_id, l.protected_person_id, l.exclusion_meters, l.warning_meters, pp.fix_time, ST_X(pp.location), ST_Y(pp.location), pp.accuracy_meters
        FROM protected_person_links l
        JOIN protected_persons p ON p.id = l.protected_person_id AND p.active
        LEFT JOIN protected_person_positions pp ON pp.protected_person_id = p.id
        """;

    public async Task<List<SubjectSnapshot>> LoadAllAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subjects = await directory.SubjectsAsync(cancellationToken);
        var latest = new Dictionary<long, (LastFix Fix, DateTimeOffset ReceivedAt)>();
        await ReadAsync(connection, Latest, null, r => latest[r.GetInt32(0)] =
            (new LastFix(r.GetFieldValue<DateTimeOffset>(1), r.GetDouble(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4)), r.GetFieldValue<DateTimeOffset>(5)), cancellationToken);

        await ReadAsync(connection, BeforeHandOffs, null, r =>
        {
            if (r.IsDBNull(1))
            {
                latest.Remove(r.GetInt32(0));
            }
            else
            {
                latest[r.GetInt32(0)] = (new LastFix(r.GetFieldValue<DateTimeOffset>(1), r.GetDouble(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4)), r.GetFieldValue<DateTimeOffset>(5));
            }
        }, cancellationToken);

        var open = new Dictionary<long, List<RuleKey>>();
        await ReadAsync(connection, OpenConditions, null, r => ListFor(open, r.GetInt32(0)).Add(
            new RuleKey(Enum.Parse<AlertRule>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2))), cancellationToken);

        var reminders = new Dictionary<(long, AlertRule), DateTimeOffset>();
        await ReadAsync(connection, Reminders, null, r => reminders[(r.GetInt32(0), Enum.Parse<AlertRule>(r.GetString(1)))] = r.GetFieldValue<DateTimeOffset>(2), cancellationToken);

        var supervision = await ReadSupervisionAsync(connection, null, now, cancellationToken);
        var spotChecks = await ReadSpotChecksAsync(connection, null, now, cancellationToken);
        var absences = await ReadAbsencesAsync(connection, null, now, cancellationToken);
        var protectedPeople = await ReadProtectedPeopleAsync(connection, null, cancellationToken);
        return [.. subjects.Select(subject =>
        {
            long id = subject.Id;
            var found = latest.TryGetValue(id, out var last);
            var record = supervision.GetValueOrDefault(id);
            return new SubjectSnapshot(subject.Facts)
            {
                LastFix = found ? last.Fix : null,
                LastContact = found ? last.ReceivedAt : null,
                OpenConditions = open.GetValueOrDefault(id) ?? [],
                CheckIns = record?.CheckIns,
                LastCheckIn = record?.LastCheckIn,
                Leaves = record?.Leaves ?? [],
                LastMissedCheckInAlert = reminders.TryGetValue((id, AlertRule.MissedCheckIn), out var missed) ? missed : null,
                LastOrderExpiryAlert = reminders.TryGetValue((id, AlertRule.OrderExpiry), out var expiry) ? expiry : null,
                SpotChecks = spotChecks.GetValueOrDefault(id) ?? [],
                LastSpotCheckFailedAlert = reminders.TryGetValue((id, AlertRule.SpotCheckFailed), out var spotCheck) ? spotCheck : null,
                RollCallAbsences = absences.GetValueOrDefault(id) ?? [],
                LastRollCallMissedAlert = reminders.TryGetValue((id, AlertRule.RollCallMissed), out var rollCall) ? rollCall : null,
                ProtectedPeople = protectedPeople.GetValueOrDefault(id) ?? [],
            };
        })];
    }

    public async Task<SupervisionRecord> LoadSupervisionAsync(NpgsqlConnection connection, int subjectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadSupervisionAsync(connection, subjectId, now, cancellationToken)).GetValueOrDefault(subjectId) ?? new SupervisionRecord(null, null, []);

    /// <summary>The subject's spot checks the rules may still have to judge.</summary>
    public async Task<IReadOnlyList<SpotCheckDue>> LoadSpotChecksAsync(NpgsqlConnection connection, int subjectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadSpotChecksAsync(connection, subjectId, now, cancellationToken)).GetValueOrDefault(subjectId) ?? [];

    /// <summary>The subject's recent roll-call absences, which the rules raise unless already raised.</summary>
    public async Task<IReadOnlyList<RollCallAbsence>> LoadRollCallAbsencesAsync(NpgsqlConnection connection, int subjectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadAbsencesAsync(connection, subjectId, now, cancellationToken)).GetValueOrDefault(subjectId) ?? [];

    private static async Task<Dictionary<long, List<RollCallAbsence>>> ReadAbsencesAsync(NpgsqlConnection connection, int? subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var absences = new Dictionary<long, List<RollCallAbsence>>();
        await ReadAsync(connection, Absences + (subjectId is null ? "" : " AND a.subject_id = @subject"), subjectId, r => ListFor(absences, r.GetInt32(1)).Add(new RollCallAbsence(
            r.GetInt64(0), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4))), cancellationToken, ("since", now - TimeSpan.FromDays(1)));
        return absences;
    }

    /// <summary>The protected people the subject must keep away from, with where each last reported.</summary>
    public async Task<IReadOnlyList<ProtectedPersonLink>> LoadProtectedPeopleAsync(NpgsqlConnection connection, int subjectId, CancellationToken cancellationToken) =>
        (await ReadProtectedPeopleAsync(connection, subjectId, cancellationToken)).GetValueOrDefault(subjectId) ?? [];

    private static async Task<Dictionary<long, List<ProtectedPersonLink>>> ReadProtectedPeopleAsync(NpgsqlConnection connection, int? subjectId, CancellationToken cancellationToken)
    {
        var links = new Dictionary<long, List<ProtectedPersonLink>>();
        await ReadAsync(connection, ProtectedPeople + (subjectId is null ? "" : " WHERE l.subject_id = @subject"), subjectId, r => ListFor(links, r.GetInt32(0)).Add(new ProtectedPersonLink(
            r.GetInt32(1), r.GetDouble(2), r.GetDouble(3),
            r.IsDBNull(4) ? null : new LastFix(r.GetFieldValue<DateTimeOffset>(4), r.GetDouble(5), r.GetDouble(6), r.IsDBNull(7) ? null : r.GetDouble(7)))), cancellationToken);
        return links;
    }

    private static async Task<Dictionary<long, List<SpotCheckDue>>> ReadSpotChecksAsync(NpgsqlConnection connection, int? subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<long, List<SpotCheckDue>>();
        await ReadAsync(connection, SpotChecks + (subjectId is null ? "" : " AND subject_id = @subject"), subjectId, r => ListFor(checks, r.GetInt32(1)).Add(new SpotCheckDue(
            r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetDouble(5), r.GetDouble(6))), cancellationToken, ("since", now - TimeSpan.FromDays(1)));
        return checks;
    }

    private async Task<Dictionary<long, SupervisionRecord>> ReadSupervisionAsync(NpgsqlConnection connection, int? subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = subjectId is null ? "" : " AND subject_id = @subject";
        var cadences = new Dictionary<long, CheckInCadence>();
        await ReadAsync(connection, Schedules + (subjectId is null ? "" : " WHERE subject_id = @subject"), subjectId, r =>
            cadences[r.GetInt32(0)] = new CheckInCadence(r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetFieldValue<TimeOnly>(3)), cancellationToken);

        var checkIns = new Dictionary<long, DateTimeOffset>();
        await ReadAsync(connection, subjectId is null ? LastCheckIns : "SELECT subject_id, max(at) FROM check_ins WHERE subject_id = @subject GROUP BY subject_id",
            subjectId, r => checkIns[r.GetInt32(0)] = r.GetFieldValue<DateTimeOffset>(1), cancellationToken);

        var leaves = new Dictionary<long, List<ApprovedLeave>>();
        await ReadAsync(connection, Permits + (subjectId is null ? "" : " AND p.subject_id = @subject"), subjectId, r =>
        {
            if (ToLeave(r) is { } leave)
            {
                ListFor(leaves, r.GetInt32(1)).Add(leave);
            }
        }, cancellationToken, ("now", now), ("grace", alerts.CurrentValue.DwellTime), ("look_back", UnseenLeaveLookBack));

        return cadences.Keys.Concat(checkIns.Keys).Concat(leaves.Keys).Distinct().ToDictionary(
            id => id,
            id => new SupervisionRecord(cadences.GetValueOrDefault(id), checkIns.TryGetValue(id, out var at) ? at : null, leaves.GetValueOrDefault(id) ?? []));
    }

    private ApprovedLeave? ToLeave(NpgsqlDataReader reader)
    {
        var id = reader.GetInt64(0);
        try
        {
            var destination = new FenceDefinition(0, reader.GetString(4), FenceKind.Inclusion, reader.GetFieldValue<Geometry>(5), reader.GetDouble(6));
            return new ApprovedLeave(id, reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), destination)
            {
                EndedUnseen = reader.GetBoolean(7),
                FixByEnd = reader.IsDBNull(8) ? null
                    : new LastFix(reader.GetFieldValue<DateTimeOffset>(8), reader.GetDouble(9), reader.GetDouble(10), reader.IsDBNull(11) ? null : reader.GetDouble(11)),
            };
        }
        catch (ArgumentException exception)
        {
            logger.LogWarning("Leave permit {PermitId} is left out of the rules: {Reason}", id, exception.Message);
            return null;
        }
    }

    private static List<T> ListFor<T>(Dictionary<long, List<T>> lists, long key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        return list;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, int? subjectId, Action<NpgsqlDataReader> row, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (subjectId is { } id)
        {
            command.Parameters.AddWithValue("subject", id);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}
