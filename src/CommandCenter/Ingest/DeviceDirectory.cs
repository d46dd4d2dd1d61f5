using CommandCenter.Site;
using Npgsql;

namespace CommandCenter.Ingest;

/// <summary>Finds the registered, active devices of a batch, with whether their subject's live location may be shown today.</summary>
public class DeviceDirectory(NpgsqlDataSource dataSource, SiteClock clock)
{
    private const string Sql = """
        SELECT d.serial, d.id, d.key_hash, s.id, s.code, s.squad_id, q.name,
               EXISTS (SELECT 1 FROM positioning_orders o
                       WHERE o.subject_id = s.id AND o.status = 'Approved'
                         AND @today BETWEEN o.start_date AND COALESCE(o.ended_early_on, o.end_date))
        FROM devices d
        JOIN subjects s ON s.id = d.subject_id
        JOIN squads q ON q.id = s.squad_id
        WHERE d.serial = ANY(@serials) AND d.active AND s.status = 'InCorrection'
        """;

    public async Task<Dictionary<string, RegisteredDevice>> FindAsync(IEnumerable<string> serials, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("serials", serials.Distinct().ToArray());
        command.Parameters.AddWithValue("today", clock.Today(now));
        var devices = new Dictionary<string, RegisteredDevice>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var device = new RegisteredDevice(
                DeviceId: reader.GetInt32(1),
                Serial: reader.GetString(0),
                KeyHash: reader.GetString(2),
                SubjectId: reader.GetInt32(3),
                SubjectCode: reader.GetString(4),
                SquadId: reader.GetInt32(5),
                SquadName: reader.GetString(6),
                LocationVisible: reader.GetBoolean(7));
            devices[device.Serial] = device;
        }

        return devices;
    }
}
