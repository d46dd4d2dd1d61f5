using System.Collections.Concurrent;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>
/// The registered, active devices of subjects under correction, held in memory so that a request costs no
/// database round trip. The whole directory is read again every <see cref="IngestOptions.DirectoryRefresh"/>
/// in the background; a serial not in memory is looked up at once (a device registered a moment ago), and
/// a serial the database does not know either is remembered as unknown for a while, so that a stray
/// sender cannot make every request a query.
/// </summary>
public class DeviceDirectory(NpgsqlDataSource dataSource, SiteClock clock, TimeProvider time, IOptions<IngestOptions> options, ILogger<DeviceDirectory> logger)
{
    // The order shown is the approved one in force today, else the most recent approved one: a request
    // awaiting the bureau head's decision is never in force.
    private const string Select = """
        SELECT d.serial, d.id, d.key_hash, d.kind, s.id, s.code, s.squad_id, q.name, s.risk_level, o.start_date, o.end_date
        FROM devices d
        JOIN subjects s ON s.id = d.subject_id
        JOIN squads q ON q.id = s.squad_id
        LEFT JOIN LATERAL (
            SELECT po.start_date, COALESCE(po.ended_early_on, po.end_date) AS end_date
            FROM positioning_orders po WHERE po.subject_id = s.id AND po.status = 'Approved'
            ORDER BY (@today BETWEEN po.start_date AND COALESCE(po.ended_early_on, po.end_date)) DESC, po.start_date DESC
            LIMIT 1) o ON true
        WHERE d.active AND s.status = 'InCorrection'
        """;

    private readonly ConcurrentDictionary<string, RegisteredDevice> recentlyAdded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> recentlyUnknown = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock installing = new();
    private volatile Snapshot? current;
    private long loadTicket;
    private long installedTicket;
    private int refreshing;
    private long version;

    /// <summary>Goes up each time the whole directory has been read again, so readers know to take in the new facts.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Finds the devices with these serials; unknown or inactive ones are simply absent.</summary>
    /// <exception cref="NpgsqlException">The directory is not loaded yet, or a new serial must be looked up, and the database does not answer.</exception>
    public async Task<Dictionary<string, RegisteredDevice>> FindAsync(IEnumerable<string> serials, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var found = new Dictionary<string, RegisteredDevice>(StringComparer.Ordinal);
        List<string>? lookUp = null;
        foreach (var serial in serials)
        {
            if (found.ContainsKey(serial))
            {
                continue;
            }

            if (snapshot.Devices.TryGetValue(serial, out var device) || recentlyAdded.TryGetValue(serial, out device))
            {
                found[serial] = device;
            }
            else if (!recentlyUnknown.TryGetValue(serial, out var since) || now - since > options.Value.UnknownDeviceMemory)
            {
                (lookUp ??= []).Add(serial);
            }
        }

        if (lookUp is not null)
        {
            var ticket = Interlocked.Read(ref loadTicket);
            var loaded = await LoadAsync(lookUp, cancellationToken);

            // Read before a refresh that has since been installed: answer this request, but keep nothing of it.
            var keep = Interlocked.Read(ref installedTicket) <= ticket;
            foreach (var serial in lookUp)
            {
                if (loaded.Devices.TryGetValue(serial, out var device))
                {
                    if (keep)
                    {
                        recentlyAdded[serial] = device;
                    }

                    recentlyUnknown.TryRemove(serial, out _);
                    found[serial] = device;
                }
                else if (keep)
                {
                    recentlyUnknown[serial] = now;
                }
            }
        }

        return found;
    }

    /// <summary>A subject with an active device, from memory.</summary>
    public SubjectRecord? Subject(int subjectId)
    {
        var snapshot = current;
        if (snapshot is not null && snapshot.Subjects.TryGetValue(subjectId, out var subject))
        {
            return subject;
        }

        return recentlyAdded.Values.FirstOrDefault(d => d.Subject.Id == subjectId)?.Subject;
    }

    /// <summary>Every subject with an active device, as last read.</summary>
    public async Task<IReadOnlyCollection<SubjectRecord>> SubjectsAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Subjects.Values;

    /// <summary>
    /// Reads the whole directory again now: in the background, and at once after a device is enrolled, rotated or
    /// retired, so that a retired or rotated key is refused from the next request on.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref loadTicket);
        var snapshot = await LoadAsync(null, cancellationToken);
        lock (installing)
        {
            // A read that began before another one ended must not put back what that one replaced (an old key).
            if (ticket < installedTicket)
            {
                return;
            }

            installedTicket = ticket;
            current = snapshot;
            recentlyAdded.Clear();
            recentlyUnknown.Clear();
        }

        Interlocked.Increment(ref version);
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is null)
        {
            await loading.WaitAsync(cancellationToken);
            try
            {
                snapshot = current ??= await LoadAsync(null, cancellationToken);
            }
            finally
            {
                loading.Release();
            }
        }
        else if (time.GetUtcNow() - snapshot.LoadedAt > options.Value.DirectoryRefresh && Interlocked.Exchange(ref refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
        }

        return snapshot;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Reading the device directory again failed; the previous one stays in use.");
        }
        finally
        {
            Volatile.Write(ref refreshing, 0);
        }
    }

    private async Task<Snapshot> LoadAsync(IReadOnlyList<string>? serials, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(serials is null ? Select : Select + " AND d.serial = ANY(@serials)");
        command.Parameters.AddWithValue("today", clock.Today(now));
        if (serials is not null)
        {
            command.Parameters.AddWithValue("serials", serials.ToArray());
        }

        var devices = new Dictionary<string, RegisteredDevice>(StringComparer.Ordinal);
        var subjects = new Dictionary<int, SubjectRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var subjectId = reader.GetInt32(4);
            var kind = Enum.Parse<DeviceKind>(reader.GetString(3));
            if (!subjects.TryGetValue(subjectId, out var subject) || kind == DeviceKind.Bracelet)
            {
                // A subject with a bracelet and a phone is watched as closely as the bracelet allows.
                subject = new SubjectRecord(subjectId, reader.GetString(5), reader.GetInt32(6), reader.GetString(7),
                    Enum.Parse<RiskLevel>(reader.GetString(8)),
                    kind == DeviceKind.Bracelet ? TrackerKind.Bracelet : TrackerKind.Phone,
                    reader.IsDBNull(9) ? null : new OrderTerm(reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateOnly>(10)));
                subjects[subjectId] = subject;
            }

            var serial = reader.GetString(0);
            devices[serial] = new RegisteredDevice(reader.GetInt32(1), serial, reader.GetString(2), subject);
        }

        // Devices read before their subject's bracelet row must point at the subject record that won.
        foreach (var (serial, device) in devices)
        {
            if (!ReferenceEquals(device.Subject, subjects[device.Subject.Id]))
            {
                devices[serial] = device with { Subject = subjects[device.Subject.Id] };
            }
        }

        return new Snapshot(devices, subjects, now);
    }

    private sealed record Snapshot(Dictionary<string, RegisteredDevice> Devices, Dictionary<int, SubjectRecord> Subjects, DateTimeOffset LoadedAt);
}
