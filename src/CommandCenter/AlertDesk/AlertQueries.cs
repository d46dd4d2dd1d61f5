using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Live;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.AlertDesk;

/// <summary>Reads alerts in the shape the wall and desk show them.</summary>
public class AlertQueries(IDbContextFactory<CommandCenterDb> factory, LiveFeed feed)
{
    /// <summary>The newest alerts first; open ones only unless <paramref name="includeClosed"/>.</summary>
    public async Task<List<AlertMessage>> RecentAsync(int limit, bool includeClosed, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var alerts = db.Alerts.AsNoTracking();
        if (!includeClosed)
        {
            alerts = alerts.Where(a => a.State != AlertState.Resolved && a.State != AlertState.Dismissed);
        }

        var sequence = feed.LastSequence;
        var rows = await alerts
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(limit)
            .Select(a => new
            {
                Alert = a,
                SubjectCode = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Code).First(),
                SquadName = db.Squads.Where(s => s.Id == a.SquadId).Select(s => s.Name).First(),
                FenceName = db.Geofences.Where(f => f.Id == a.FenceId).Select(f => f.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return rows.Select(r => new AlertMessage(
            sequence, r.Alert.Id, r.Alert.SubjectId, r.SubjectCode, r.Alert.Rule, r.Alert.Severity, r.Alert.State,
            r.Alert.FenceId, r.FenceName, r.Alert.SquadId, r.SquadName, r.Alert.RaisedAt,
            r.Alert.Location?.Y, r.Alert.Location?.X)).ToList();
    }
}
