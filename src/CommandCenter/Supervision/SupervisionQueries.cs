using System.Security.Claims;
using CommandCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Supervision;

/// <summary>
/// Reads a subject's leave permits and check-ins for the pages, in the person's squad scope: each answer is
/// null when the subject does not exist or lies outside it, so a squad leader learns nothing of other squads.
/// </summary>
public class SupervisionQueries(IDbContextFactory<CommandCenterDb> factory, SupervisionService service)
{
    /// <summary>The subject's leave permits, the latest start first.</summary>
    public Task<IReadOnlyList<LeavePermitView>?> PermitsAsync(int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReadAsync(subjectId, user, async db => (IReadOnlyList<LeavePermitView>)(await db.LeavePermits.AsNoTracking().Where(p => p.SubjectId == subjectId)
            .OrderByDescending(p => p.StartsAt).ThenByDescending(p => p.Id).ToListAsync(cancellationToken)).Select(LeavePermitView.Of).ToList(), cancellationToken);

    /// <summary>The subject's schedule and their <paramref name="limit"/> latest check-ins.</summary>
    public Task<CheckInHistory?> CheckInsAsync(int subjectId, int limit, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReadAsync(subjectId, user, async db => new CheckInHistory(
            await db.CheckInSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectId == subjectId, cancellationToken),
            await db.CheckIns.AsNoTracking().Where(c => c.SubjectId == subjectId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
                .Take(limit).ToListAsync(cancellationToken)), cancellationToken);

    private async Task<T?> ReadAsync<T>(int subjectId, ClaimsPrincipal user, Func<CommandCenterDb, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await service.IsVisibleAsync(db, subjectId, user, cancellationToken) ? await read(db) : null;
    }
}
