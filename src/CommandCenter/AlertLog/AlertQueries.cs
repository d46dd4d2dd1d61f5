using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Live;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.AlertLog;

/// <summary>
/// Reads alerts in the shape the wall and desk show them. Coordinates are given only for subjects whose
/// positioning order is in force today.
/// </summary>
public class AlertQueries(IDbContextFactory<CommandCenterDb> factory, LiveFeed feed, SiteClock clock, TimeProvider time) : IAlertMessages
{
    /// <summary>The rules whose breach is the subject's doing, and so has a place on the discipline ladder.</summary>
    private static readonly AlertRule[] Disciplinary = [AlertRule.ZoneExit, AlertRule.ZoneEntry, AlertRule.Curfew, AlertRule.Tamper, AlertRule.Offline, AlertRule.MissedCheckIn];

    /// <summary>The rules whose length is a lapse (out of the area, silent, overdue).</summary>
    private static readonly AlertRule[] Lapses = [AlertRule.ZoneExit, AlertRule.Offline, AlertRule.MissedCheckIn];

    /// <summary>The newest alerts first; open ones only unless <paramref name="includeClosed"/>; only one squad's when <paramref name="squad"/> is given.</summary>
    public async Task<List<AlertMessage>> RecentAsync(int limit, bool includeClosed, int? squad, CancellationToken cancellationToken) =>
        (await RecentAsync(limit, includeClosed, squad, null, cancellationToken))!;

    /// <summary>
    /// As above, the page after the alert <paramref name="before"/> (in the same order: raised, then id, newest
    /// first), so a reader can take every alert page by page; null when <paramref name="before"/> is no alert
    /// the reader may see.
    /// </summary>
    public async Task<List<AlertMessage>?> RecentAsync(int limit, bool includeClosed, int? squad, long? before, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var alerts = Visible(db.Alerts.AsNoTracking(), squad);
        if (before is { } id)
        {
            var cursor = await alerts.Where(a => a.Id == id).Select(a => new { a.RaisedAt, a.Id }).SingleOrDefaultAsync(cancellationToken);
            if (cursor is null)
            {
                return null;
            }

            alerts = alerts.Where(a => a.RaisedAt < cursor.RaisedAt || (a.RaisedAt == cursor.RaisedAt && a.Id < cursor.Id));
        }

        if (!includeClosed)
        {
            alerts = alerts.WhereOpen();
        }

        return await ProjectAsync(db, alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(limit), cancellationToken);
    }

    /// <summary>The desk's queue: the newest alerts that pass the filter, within what the person may see.</summary>
    public async Task<List<AlertMessage>> QueueAsync(QueueFilter filter, int? squad, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var alerts = Visible(db.Alerts.AsNoTracking(), squad);
        if (filter.SquadId is { } chosen)
        {
            alerts = alerts.Where(a => a.SquadId == chosen || a.DispatchedSquadId == chosen);
        }

        if (filter.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }

        alerts = filter.State is { } state
            ? alerts.Where(a => a.State == state)
            : alerts.WhereOpen();
        return await ProjectAsync(db, alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(limit), cancellationToken);
    }

    /// <summary>How many alerts of each rule were raised since midnight on the site's calendar; rules with none are left out.</summary>
    public async Task<Dictionary<AlertRule, int>> RaisedTodayByRuleAsync(int? squad, CancellationToken cancellationToken)
    {
        var startOfToday = clock.StartOfDay(clock.Today(time.GetUtcNow()));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Visible(db.Alerts.AsNoTracking(), squad)
            .Where(a => a.RaisedAt >= startOfToday)
            .GroupBy(a => a.Rule)
            .Select(g => new { Rule = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rule, g => g.Count, cancellationToken);
    }

    /// <summary>Alerts by id, as they are now (for publishing a change).</summary>
    public async Task<List<AlertMessage>> FindAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ProjectAsync(db, db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id), cancellationToken);
    }

    /// <summary>One alert with its history and the discipline step suggested; null when it does not exist or lies outside the squad.</summary>
    public async Task<AlertDetails?> DetailsAsync(long id, int? squad, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = (await ProjectAsync(db, Visible(db.Alerts.AsNoTracking(), squad).Where(a => a.Id == id), cancellationToken)).SingleOrDefault();
        if (message is null)
        {
            return null;
        }

        var photos = (await db.AlertPhotos.AsNoTracking().Where(p => p.AlertId == id).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.AlertEventId }).ToListAsync(cancellationToken))
            .ToLookup(p => p.AlertEventId, p => p.Id);
        var events = (await db.AlertEvents.AsNoTracking().Where(e => e.AlertId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new { e.Id, View = new AlertEventView(e.Kind, e.At, e.Actor, e.Note, e.SquadId) { NoteKey = e.NoteKey, NoteArgs = e.NoteArgs } })
                .ToListAsync(cancellationToken))
            .Select(e => e.View with { PhotoIds = [.. photos[e.Id]] })
            .ToList();
        DisciplineSuggestion? suggestion = null;
        if (Disciplinary.Contains(message.Rule) && AlertStates.IsOpen(message.State))
        {
            var history = await db.Alerts.AsNoTracking()
                .Where(a => a.SubjectId == message.SubjectId && a.Id != id && a.Disposition != null && a.ClosedAt != null)
                .Select(a => new { a.Disposition, a.ClosedAt })
                .ToListAsync(cancellationToken);
            var records = history
                .Where(h => Enum.TryParse<Disposition>(h.Disposition, out _))
                .Select(h => new DisciplinaryRecord(Enum.Parse<Disposition>(h.Disposition!), h.ClosedAt!.Value));
            TimeSpan? lapse = Lapses.Contains(message.Rule)
                ? (events.LastOrDefault(e => e.Kind == AlertEventKind.ConditionCleared)?.At ?? time.GetUtcNow()) - message.RaisedAt
                : null;
            suggestion = DisciplineLadder.Suggest(records, lapse);
        }

        return new AlertDetails(message, events, AlertTransitions.AllowedIn(message.State), suggestion);
    }

    /// <summary>A photo sent with a step on the alert; null when either does not exist or the alert lies outside the squad.</summary>
    public async Task<byte[]?> PhotoAsync(long alertId, long photoId, int? squad, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AlertPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.AlertId == alertId && Visible(db.Alerts, squad).Any(a => a.Id == alertId))
            .Select(p => p.Content)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A squad leader sees the alerts of their squad, and those their squad was sent to.</summary>
    private static IQueryable<Alert> Visible(IQueryable<Alert> alerts, int? squad) =>
        squad is null ? alerts : alerts.Where(a => a.SquadId == squad || a.DispatchedSquadId == squad);

    private async Task<List<AlertMessage>> ProjectAsync(CommandCenterDb db, IQueryable<Alert> alerts, CancellationToken cancellationToken)
    {
        var today = clock.Today(time.GetUtcNow());
        var inForce = db.PositioningOrders.Where(Subjects.PositioningOrder.InForceOn(today));
        var sequence = feed.LastSequence;
        var rows = await alerts
            .Select(a => new
            {
                Alert = a,
                SubjectCode = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Code).First(),
                SquadName = db.Squads.Where(s => s.Id == a.SquadId).Select(s => s.Name).First(),
                FenceName = db.Geofences.Where(f => f.Id == a.FenceId).Select(f => f.Name).FirstOrDefault(),
                Visible = inForce.Any(o => o.SubjectId == a.SubjectId),
            })
            .ToListAsync(cancellationToken);

        return [.. rows.Select(r => new AlertMessage(
            sequence, r.Alert.Id, r.Alert.SubjectId, r.SubjectCode, r.Alert.Rule, r.Alert.Severity, r.Alert.State,
            r.Alert.FenceId, r.FenceName, r.Alert.SquadId, r.SquadName, r.Alert.RaisedAt,
            r.Visible ? r.Alert.Location?.Y : null, r.Visible ? r.Alert.Location?.X : null)
        {
            Detail = r.Alert.DetailKey is null ? r.Alert.Detail : null,
            DetailKey = r.Alert.DetailKey,
            DetailArgs = r.Alert.DetailArgs,
            ConditionCleared = r.Alert.ConditionCleared,
            EscalatedAt = r.Alert.EscalatedAt,
            DispatchedSquadId = r.Alert.DispatchedSquadId,
            Disposition = r.Alert.Disposition,
        })];
    }
}
