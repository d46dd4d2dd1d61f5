using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Site;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Components.Shared;

/// <summary>Computes the header figures from the records; nothing on the wall is typed in.</summary>
public class WallSummaryQuery(IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock)
{
    public async Task<WallSummary> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var startOfToday = clock.StartOfDay(clock.Today(now));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = await db.Subjects.CountAsync(s => s.Status == SubjectStatus.InCorrection, cancellationToken);
        var open = await db.Alerts.CountAsync(a => a.State != AlertState.Resolved && a.State != AlertState.Dismissed, cancellationToken);
        var today = await db.Alerts.CountAsync(a => a.RaisedAt >= startOfToday, cancellationToken);

        // 脱管/漏管 records arrive with the subjects module; until one exists there is no count of days to show.
        return new WallSummary(people, open, today, DaysWithoutLoss: null);
    }
}
