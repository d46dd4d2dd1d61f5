using CommandCenter.Alerts.Patterns;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// The people a pattern may be judged for: those whose positioning order is in force today. Location data may serve
/// corrections work only while an order allows it, so nobody else's fixes are read.
/// </summary>
public sealed class PatternSubjects(IDbContextFactory<CommandCenterDb> factory, SiteClock clock)
{
    public async Task<Dictionary<int, PatternSubject>> InForceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inForce = db.PositioningOrders.Where(PositioningOrder.InForceOn(clock.Today(now))).Select(o => o.SubjectId);
        return await db.Subjects.AsNoTracking()
            .Where(s => inForce.Contains(s.Id))
            .Select(s => new { s.Id, s.SquadId, s.Code })
            .ToDictionaryAsync(s => s.Id, s => new PatternSubject(s.Id, s.SquadId, s.Code), cancellationToken);
    }

    /// <summary>The co-defendant pairs of whom both are in force.</summary>
    public async Task<List<(PatternSubject First, PatternSubject Second)>> PairsAsync(Dictionary<int, PatternSubject> inForce, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = inForce.Keys.ToList();
        var links = await db.CoDefendantLinks.AsNoTracking()
            .Where(l => ids.Contains(l.SubjectId) && ids.Contains(l.OtherSubjectId))
            .Select(l => new { l.SubjectId, l.OtherSubjectId })
            .ToListAsync(cancellationToken);
        return [.. links.Select(l => (inForce[l.SubjectId], inForce[l.OtherSubjectId]))];
    }
}
