using CommandCenter.AlertLog;
using CommandCenter.Data;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Reports;

/// <summary>
/// The alert register (告警台账): every alert raised in a period that passes the filter, newest first, within
/// what the person may see (<paramref name="scope"/> is a squad leader's squad, null for all squads).
/// </summary>
public class AlertRegister(IDbContextFactory<CommandCenterDb> factory, AlertRows rows, SiteClock clock)
{
    /// <summary>The most rows one export writes; a longer register is refused with the reason, never cut short silently.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<RegisterSlice> PageAsync(RegisterFilter filter, int? scope, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var selected = Select(db, filter, scope);
        var total = await selected.CountAsync(cancellationToken);
        var shown = await rows.ReadAsync(db, Newest(selected).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new RegisterSlice(shown, total, page, pageSize);
    }

    /// <summary>How many alerts the filter selects.</summary>
    public async Task<int> CountAsync(RegisterFilter filter, int? scope, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Select(db, filter, scope).CountAsync(cancellationToken);
    }

    /// <summary>Every alert the filter selects, newest first (for the export).</summary>
    public async Task<List<AlertRow>> AllAsync(RegisterFilter filter, int? scope, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await rows.ReadAsync(db, Newest(Select(db, filter, scope)), cancellationToken);
    }

    private IQueryable<Alert> Select(CommandCenterDb db, RegisterFilter filter, int? scope)
    {
        var from = clock.StartOfDay(filter.From);
        var to = clock.StartOfDay(filter.To.AddDays(1));
        var alerts = AlertRows.Visible(db.Alerts.AsNoTracking(), scope).Where(a => a.RaisedAt >= from && a.RaisedAt < to);
        if (filter.Rule is { } rule)
        {
            alerts = alerts.Where(a => a.Rule == rule);
        }

        if (filter.SquadId is { } squad)
        {
            alerts = alerts.Where(a => a.SquadId == squad || a.DispatchedSquadId == squad);
        }

        if (filter.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }

        if (filter.State is { } state)
        {
            alerts = alerts.Where(a => a.State == state);
        }

        return alerts;
    }

    private static IQueryable<Alert> Newest(IQueryable<Alert> alerts) => alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id);
}
