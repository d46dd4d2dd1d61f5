using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Devices;

/// <summary>The devices a caller may see: everybody's for the brigade, their own squad's people's for a squad leader.</summary>
public class DeviceQueries(IDbContextFactory<CommandCenterDb> factory)
{
    public async Task<List<DeviceRow>> ListAsync(ClaimsPrincipal user, bool includeRetired, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var devices = db.Devices.Where(d => includeRetired || d.Active)
            .OrderBy(d => d.Subject!.Code).ThenByDescending(d => d.Active).ThenBy(d => d.Serial);
        return await Rows(db, devices, SquadScope.Of(user)).ToListAsync(cancellationToken);
    }

    /// <param name="id">The device.</param>
    /// <param name="user">Whose scope applies; null for none (the store reading back what it just changed).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<DeviceRow?> FindAsync(int id, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.Devices.Where(d => d.Id == id), user is null ? null : SquadScope.Of(user)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The people in correction a device may be issued to, by case number.</summary>
    public async Task<List<DeviceSubject>> SubjectsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Subjects
            .Where(s => s.Status == SubjectStatus.InCorrection && (scope == null || s.SquadId == scope))
            .OrderBy(s => s.Code).Select(s => new DeviceSubject(s.Id, s.Code)).ToListAsync(cancellationToken);
    }

    // Filters and order go before the projection: EF cannot translate a member of a record built by its constructor.
    private static IQueryable<DeviceRow> Rows(CommandCenterDb db, IQueryable<Device> devices, int? scope) =>
        from d in devices
        where scope == null || d.Subject!.SquadId == scope
        join latest in db.LatestPositions on d.Id equals latest.DeviceId into fixes
        from latest in fixes.DefaultIfEmpty()
        select new DeviceRow(d.Id, d.Serial, d.Kind, d.SubjectId, d.Subject!.Code, d.Subject.SquadId, d.Active, d.EnrolledAt, d.RetiredAt,
            latest == null ? (DateTimeOffset?)null : latest.FixTime, d.Version);
}
