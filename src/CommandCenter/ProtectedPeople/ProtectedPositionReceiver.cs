using CommandCenter.Data;
using CommandCenter.Ingest;
using CommandCenter.Security;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// Takes a protected person's fixes: each phone proves itself with its own key; the newest fix of each person replaces
/// the one row <c>protected_person_positions</c> keeps, and every linked subject's rules are told to read it again.
/// </summary>
/// <remarks>
/// Why a row read back, rather than the fix handed to the rules in memory: each subject's rules live on whichever node
/// owns the subject, and the person's phone may reach any node. The database is the one place every node agrees on,
/// so the fix is committed first and the subject's rules read it by the subject's id (the same path a new leave permit
/// takes). The rules then weigh the distance at once: the person moving toward the subject raises as surely as the
/// subject moving toward the person. Nothing of it enters the subjects' positions, the maps or the hub.
/// </remarks>
public class ProtectedPositionReceiver(IDbContextFactory<CommandCenterDb> factory, IRuleEngine rules, TimeProvider time)
{
    // A fix older than the one kept (a resend, or a late batch) does not move the person back in time.
    private const string Upsert = """
        INSERT INTO protected_person_positions (protected_person_id, fix_time, received_at, location, accuracy_meters)
        VALUES (@person, @fixTime, @receivedAt, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @accuracy)
        ON CONFLICT (protected_person_id) DO UPDATE
        SET fix_time = EXCLUDED.fix_time, received_at = EXCLUDED.received_at, location = EXCLUDED.location, accuracy_meters = EXCLUDED.accuracy_meters
        WHERE protected_person_positions.fix_time < EXCLUDED.fix_time
        """;

    /// <summary>Stores the valid items; nothing is stored when any phone is unknown, retired or sends a wrong key.</summary>
    /// <returns>The refused items' problems (empty when stored).</returns>
    public async Task<IReadOnlyList<ItemProblem>> StoreAsync(IReadOnlyList<PositionItem> items, Func<int, string> pathOf, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var serials = items.Select(i => i.Device!).Distinct().ToList();
        var phones = await db.ProtectedPersons.Where(p => p.Active && serials.Contains(p.DeviceSerial))
            .Select(p => new { p.Id, p.DeviceSerial, p.KeyHash, Subjects = p.Links.Select(l => l.SubjectId).ToList() })
            .ToDictionaryAsync(p => p.DeviceSerial, StringComparer.Ordinal, cancellationToken);

        var refused = new List<ItemProblem>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            if (!phones.TryGetValue(item.Device!, out var phone) || !Secrets.Matches(item.Key!, phone.KeyHash))
            {
                refused.Add(new($"{pathOf(index)}.device", $"Device '{item.Device}' is not a registered protected person's phone, or its key does not match."));
            }
        }

        if (refused.Count > 0)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var newest in items.GroupBy(i => i.Device!).Select(g => g.MaxBy(i => i.Time)!))
            {
                await using var command = new NpgsqlCommand(Upsert, connection, transaction);
                command.Parameters.AddWithValue("person", phones[newest.Device!].Id);
                command.Parameters.AddWithValue("fixTime", newest.Time!.Value.ToUniversalTime());
                command.Parameters.AddWithValue("receivedAt", now);
                command.Parameters.AddWithValue("lon", newest.Longitude!.Value);
                command.Parameters.AddWithValue("lat", newest.Latitude!.Value);
                command.Parameters.AddWithValue("accuracy", (object?)newest.Accuracy ?? DBNull.Value);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var subjectId in items.SelectMany(i => phones[i.Device!].Subjects).Distinct())
        {
            await rules.SupervisionChangedAsync(subjectId, CancellationToken.None);
        }

        return [];
    }
}
