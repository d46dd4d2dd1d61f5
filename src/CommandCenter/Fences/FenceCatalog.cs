using CommandCenter.Data;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Schedules;
using Microsoft.EntityFrameworkCore;
using GeoWindow = CommandCenter.Geo.Schedules.WeeklyWindow;

namespace CommandCenter.Fences;

/// <summary>
/// Keeps the in-memory fence index (the rules read it for every fix) in step with the geofences table:
/// read at start, again every directory refresh, and at once when the fences editor calls
/// <see cref="ReloadAsync(int, CancellationToken)"/> after saving a fence. A fence that cannot be
/// understood (an invalid geometry) is left out with a warning rather than stopping the others.
/// </summary>
public class FenceCatalog(IDbContextFactory<CommandCenterDb> factory, FenceIndexHolder holder, ILogger<FenceCatalog> logger)
{
    public FenceIndex Current => holder.Current;

    /// <summary>Reads every active fence and swaps in a new index.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Geofences.AsNoTracking().Where(f => f.Active).ToListAsync(cancellationToken);
        var definitions = new List<FenceDefinition>(rows.Count);
        foreach (var row in rows)
        {
            if (TryDefine(row) is { } definition)
            {
                definitions.Add(definition);
            }
        }

        holder.ReplaceAll(definitions);
    }

    /// <summary>Reads one fence after it was created, changed, deactivated or deleted, and swaps in a new index.</summary>
    public async Task ReloadAsync(int fenceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Geofences.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fenceId, cancellationToken);
        if (row is { Active: true } && TryDefine(row) is { } definition)
        {
            holder.Upsert(definition);
        }
        else
        {
            holder.Remove(fenceId);
        }
    }

    /// <summary>The engine's form of a stored fence.</summary>
    /// <exception cref="ArgumentException">The fence cannot be used (invalid geometry, a listed scope with nobody listed).</exception>
    public static FenceDefinition ToDefinition(Geofence fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var scope = fence.Scope switch
        {
            GeofenceScope.ListedSubjects => FenceScope.ListedSubjects(fence.ScopeSubjectIds.Select(id => (long)id)),
            GeofenceScope.RiskLevel when fence.ScopeRiskLevel is { } risk => FenceScope.ForRiskLevel((int)risk),
            GeofenceScope.Squad when fence.ScopeSquadId is { } squad => FenceScope.ForSquad(squad),
            GeofenceScope.AllSubjects => FenceScope.AllSubjects,
            _ => throw new ArgumentException($"The fence's scope {fence.Scope} names no risk level or squad."),
        };
        var kind = fence.Kind switch
        {
            GeofenceKind.Exclusion => FenceKind.Exclusion,
            GeofenceKind.Home => FenceKind.Home,
            _ => FenceKind.Inclusion,
        };
        return new FenceDefinition(fence.Id, fence.Name, kind, fence.Area, fence.BufferMeters, scope, ToSchedule(fence.Schedule), fence.Immediate);
    }

    private static FenceSchedule? ToSchedule(GeofenceSchedule? schedule)
    {
        if (schedule is null)
        {
            return null;
        }

        var windows = schedule.Windows.Select(w => new GeoWindow(w.Days, w.Start, w.End));
        DateRange[] ranges = schedule.From is null && schedule.To is null
            ? []
            : [new DateRange(schedule.From ?? DateOnly.MinValue, schedule.To ?? DateOnly.MaxValue)];
        return new FenceSchedule(windows, ranges);
    }

    private FenceDefinition? TryDefine(Geofence row)
    {
        try
        {
            return ToDefinition(row);
        }
        catch (ArgumentException exception)
        {
            logger.LogWarning("Fence {FenceId} '{Name}' is left out of the rules: {Reason}", row.Id, row.Name, exception.Message);
            return null;
        }
    }
}
