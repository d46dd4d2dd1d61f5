using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Wall;

/// <summary>Computes the header figures from the records; nothing on the wall is typed in.</summary>
public class WallSummaryQuery(IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock)
{
    /// <summary>The county's figures, or one squad's when <paramref name="squad"/> is given.</summary>
    public async Task<WallSummary> GetAsync(int? squad, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var startOfToday = clock.StartOfDay(clock.Today(now));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var subjects = db.Subjects.Where(s => squad == null || s.SquadId == squad);
        var alerts = db.Alerts.Where(a => squad == null || a.SquadId == squad);
        var people = await subjects.CountAsync(s => s.Status == SubjectStatus.InCorrection, cancellationToken);
        var open = await alerts.WhereOpen().CountAsync(cancellationToken);
        var today = await alerts.CountAsync(a => a.RaisedAt >= startOfToday, cancellationToken);
        return new WallSummary(people, open, today);
    }
}
