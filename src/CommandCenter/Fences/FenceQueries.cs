using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Map;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Fences;

/// <summary>
/// The fences as the editor and the API read them, and their GeoJSON export; each read takes the caller's
/// scope (<see cref="Security.SquadScope.OfPeople"/>), and a fence outside it does not exist for them.
/// </summary>
public class FenceQueries(IDbContextFactory<CommandCenterDb> factory, ILogger<FenceQueries> logger)
{
    public async Task<List<FenceView>> AllAsync(int? squad, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fences = await db.Geofences.AsNoTracking().VisibleTo(db, squad).OrderByDescending(f => f.Active).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. fences.Select(View)];
    }

    public async Task<FenceView?> OneAsync(int id, int? squad, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fence = await db.Geofences.AsNoTracking().VisibleTo(db, squad).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        return fence is null ? null : View(fence);
    }

    /// <summary>
    /// The active fences the caller may see as an RFC 7946 FeatureCollection that the import reads back (ids kept, so a file
    /// exported, edited elsewhere and imported again updates the same fences).
    /// </summary>
    public async Task<string> ExportAsync(int? squad, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var fences = await db.Geofences.AsNoTracking().VisibleTo(db, squad).Where(f => f.Active).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var definitions = new List<Geo.Fences.FenceDefinition>();
        foreach (var fence in fences)
        {
            try
            {
                definitions.Add(FenceCatalog.ToDefinition(fence));
            }
            catch (ArgumentException exception)
            {
                // The rules leave such a fence out too; exporting it would only move the problem into the file.
                logger.LogWarning("Fence {FenceId} is left out of the export: {Reason}", fence.Id, exception.Message);
            }
        }

        return FenceGeoJsonWriter.Write(definitions);
    }

    private static FenceView View(Geofence fence) => new(
        fence.Id,
        fence.Name,
        fence.Kind,
        JsonSerializer.SerializeToElement(fence.Area, BaseMap.GeoJson),
        fence.BufferMeters,
        fence.Immediate,
        fence.Scope,
        fence.ScopeSubjectIds,
        fence.ScopeRiskLevel,
        fence.ScopeSquadId,
        fence.Schedule is { } schedule ? FenceScheduleFields.Of(schedule) : null,
        fence.Active,
        fence.UpdatedAt);
}
