using System.Text.RegularExpressions;
using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Geo.Datums;
using CommandCenter.Geo.Fences;
using CommandCenter.Live.Log;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Site.County;

/// <summary>
/// Chooses the county the site serves, from the shipped boundaries or an imported file. One transaction
/// replaces the base map (the county and its neighbours) and the county's inclusion fence, with its audit
/// entry; after the commit the rules' fence index and the screens follow, with no restart.
/// </summary>
public sealed partial class CountyStore(
    IDbContextFactory<CommandCenterDb> factory,
    ShippedCountyIndex shipped,
    AuditTrail audit,
    FenceCatalog catalog,
    LiveLog liveLog,
    TimeProvider time,
    IStringLocalizer<UiText> text,
    ILogger<CountyStore> logger)
{
    /// <summary>The demo's and a typical site's tolerance around the county line: GPS drift at the border is no exit.</summary>
    public const double FenceBufferMeters = 200;

    public async Task<CountyView?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var county = await db.AdminAreas.AsNoTracking().Where(a => a.Role == AdminAreaRole.County).OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).FirstOrDefaultAsync(cancellationToken);
        return county is null ? null : new CountyView(county.Code, county.Name, await db.AdminAreas.CountAsync(a => a.Role == AdminAreaRole.Neighbour, cancellationToken));
    }

    /// <summary>Chooses a shipped county by its code; <paramref name="expectedCode"/> ("" for none yet) refuses a change made from a stale page.</summary>
    public async Task<CountySaveResult> ChooseShippedAsync(string? code, string? expectedCode, string actor, CancellationToken cancellationToken)
    {
        if (!IsCode(code))
        {
            return CountySaveResult.Invalid("code", "The county's administrative code is six digits, e.g. 371326.");
        }

        if (await shipped.FindAsync(code!) is not { } county)
        {
            return CountySaveResult.NotFound("code", $"No county or district has the code {code} in the shipped boundaries.");
        }

        var boundary = await shipped.ReadBoundaryAsync(county, cancellationToken);
        return await SaveAsync(county.Code, county.Name, boundary, $"the shipped boundaries ({county.Province}{county.City})", expectedCode, actor, cancellationToken);
    }

    /// <summary>Chooses a county from a GeoJSON file in the datum named; code and name override the file's.</summary>
    public async Task<CountySaveResult> ImportAsync(Stream geoJson, Datum datum, string? code, string? name, string? expectedCode, string actor, CancellationToken cancellationToken)
    {
        var (county, error) = await ImportedCounty.ReadAsync(geoJson, datum, cancellationToken);
        if (county is null)
        {
            return CountySaveResult.Invalid("file", error!);
        }

        code = string.IsNullOrWhiteSpace(code) ? county.Code : code.Trim();
        name = string.IsNullOrWhiteSpace(name) ? county.Name : name.Trim();
        if (!IsCode(code))
        {
            return CountySaveResult.Invalid("code", "Give the county's six-digit administrative code (the file's first feature has no such id).");
        }

        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return CountySaveResult.Invalid("name", "Give the county's name, at most 64 characters (the file's first feature has no properties.name).");
        }

        return await SaveAsync(code!, name, county.Boundary, $"an imported GeoJSON file ({datum})", expectedCode, actor, cancellationToken);
    }

    private async Task<CountySaveResult> SaveAsync(string code, string name, MultiPolygon boundary, string source, string? expectedCode, string actor, CancellationToken cancellationToken)
    {
        // The neighbours come from files, outside the transaction: it holds the base map only while it is replaced.
        var areas = await shipped.AreasAroundAsync(code, name, boundary, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Untracked: the areas are deleted in bulk and the old county may come back as a neighbour.
        var current = await db.AdminAreas.AsNoTracking().Where(a => a.Role == AdminAreaRole.County).OrderBy(a => a.Code).FirstOrDefaultAsync(cancellationToken);
        if (expectedCode is not null && expectedCode != (current?.Code ?? string.Empty))
        {
            return CountySaveResult.Conflict("expectedCode", $"The county was changed to {current?.Name ?? "none"} ({current?.Code ?? "no code"}) meanwhile; read it again.");
        }

        var fence = await CountyFenceAsync(db, current, cancellationToken);
        await db.AdminAreas.ExecuteDeleteAsync(cancellationToken);
        db.AdminAreas.AddRange(areas);
        var added = fence is null;
        fence ??= db.Geofences.Add(new Geofence
        {
            Name = text["Site.County.FenceName", name],
            Kind = FenceKind.Inclusion,
            Area = boundary,
            BufferMeters = FenceBufferMeters,
            Scope = FenceScopeKind.AllSubjects,
            UpdatedAt = time.GetUtcNow(),
        }).Entity;
        fence.Area = boundary.Copy();
        fence.Active = true;
        fence.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.CountyChosen, $"county:{code}",
            $"chose {name} ({code}) from {source}, {areas.Count - 1} neighbour(s); {(added ? "added" : "replaced the area of")} the county fence {fence.Id}"), cancellationToken);

        // Every node's index and every wall hear of it from the live log, committed with the change.
        await liveLog.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), [LiveLogRecord.FencesChanged(fence.Id), LiveLogRecord.MapChanged], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ReachIndexAsync(fence.Id);
        return CountySaveResult.Saved(new CountyView(code, name, areas.Count - 1));
    }

    /// <summary>
    /// The county's inclusion fence is the one for everybody whose area is the county's boundary: the one this
    /// store (or the demo's seed) made. A fence a commander has since redrawn is theirs; a new one is added.
    /// </summary>
    private static async Task<Geofence?> CountyFenceAsync(CommandCenterDb db, AdminArea? current, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return null;
        }

        var inclusions = await db.Geofences.Where(f => f.Kind == FenceKind.Inclusion && f.Scope == FenceScopeKind.AllSubjects).ToListAsync(cancellationToken);
        return inclusions.FirstOrDefault(f => f.Area.EqualsExact(current.Boundary));
    }

    private async Task ReachIndexAsync(int fenceId)
    {
        try
        {
            await catalog.ReloadAsync(fenceId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "The county is stored but the rules' index was not brought up to date; the next periodic refresh will.");
        }
    }

    private static bool IsCode(string? code) => code is not null && AdministrativeCode().IsMatch(code);

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex AdministrativeCode();
}
