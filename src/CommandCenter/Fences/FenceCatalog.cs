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
    // The version (updated_at) of each fence the index was built from, so that a periodic look reads only what changed.
    private readonly Dictionary<int, DateTimeOffset> versions = [];
    private readonly SemaphoreSlim writing = new(1, 1);

    public FenceIndex Current => holder.Current;

    /// <summary>Reads every active fence and swaps in a new index.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Geofences.AsNoTracking().Where(f => f.Active).ToListAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            versions.Clear();
            holder.ReplaceAll(Define(rows));
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Looks for fences created, changed or deactivated elsewhere (another node, a script) and swaps in a new
    /// index only when there are some; unchanged fences keep their prepared geometry.
    /// </summary>
    public async Task RefreshChangedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stamps = await db.Geofences.AsNoTracking().Where(f => f.Active).Select(f => new { f.Id, f.UpdatedAt }).ToListAsync(cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            var changed = stamps.Where(s => !versions.TryGetValue(s.Id, out var known) || known != s.UpdatedAt).Select(s => s.Id).ToList();
            var active = stamps.Select(s => s.Id).ToHashSet();
            if (changed.Count == 0 && versions.Keys.All(active.Contains))
            {
                return;
            }

            var rows = await db.Geofences.AsNoTracking().Where(f => changed.Contains(f.Id)).ToListAsync(cancellationToken);
            foreach (var gone in versions.Keys.Where(id => !active.Contains(id)).ToList())
            {
                versions.Remove(gone);
            }

            var replaced = changed.ToHashSet();
            holder.ReplaceAll(holder.Current.Fences.Where(f => active.Contains(f.Id) && !replaced.Contains(f.Id)).Concat(Define(rows)));
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Reads one fence after it was created, changed, deactivated or deleted, and swaps in a new index.</summary>
    public async Task ReloadAsync(int fenceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Geofences.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fenceId, cancellationToken);
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (row is { Active: true } && Define([row]) is [var definition])
            {
                holder.Upsert(definition);
            }
            else
            {
                versions.Remove(fenceId);
                holder.Remove(fenceId);
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>The engine's form of a stored fence.</summary>
    /// <exception cref="ArgumentException">The fence cannot be used (invalid geometry, a listed scope with nobody listed).</exception>
    public static FenceDefinition ToDefinition(Geofence fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var scope = fence.Scope switch
        {
            FenceScopeKind.ListedSubjects => FenceScope.ListedSubjects(fence.ScopeSubjectIds.Select(id => (long)id)),
            FenceScopeKind.RiskLevel when fence.ScopeRiskLevel is { } risk => FenceScope.ForRiskLevel((int)risk),
            FenceScopeKind.Squad when fence.ScopeSquadId is { } squad => FenceScope.ForSquad(squad),
            FenceScopeKind.AllSubjects => FenceScope.AllSubjects,
            _ => throw new ArgumentException($"The fence's scope {fence.Scope} names no risk level or squad."),
        };
        return new FenceDefinition(fence.Id, fence.Name, fence.Kind, fence.Area, fence.BufferMeters, scope, ToSchedule(fence.Schedule), fence.Immediate);
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

    /// <summary>The usable fences of these rows, remembering their versions; a fence that cannot be used is left out with a warning.</summary>
    private List<FenceDefinition> Define(IEnumerable<Geofence> rows)
    {
        var definitions = new List<FenceDefinition>();
        foreach (var row in rows)
        {
            versions[row.Id] = row.UpdatedAt;
            try
            {
                definitions.Add(ToDefinition(row));
            }
            catch (ArgumentException exception)
            {
                logger.LogWarning("Fence {FenceId} '{Name}' is left out of the rules: {Reason}", row.Id, row.Name, exception.Message);
            }
        }

        return definitions;
    }
}
