using CommandCenter.Kit;
using CommandCenter.Live.Log;
using CommandCenter.Data;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Localization;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Fences;

/// <summary>
/// Adds, changes, deactivates, deletes and imports fences. Each write commits together with its audit
/// entry, and only after the commit is the rules' fence index brought up to date, so the change is live
/// at once and nothing uncommitted is ever judged by. An import is all or nothing.
/// </summary>
public class FenceStore(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, FenceCatalog catalog, LiveLog liveLog, TimeProvider time, IStringLocalizer<UiText> text, ILogger<FenceStore> logger)
{
    /// <summary>Adds the fence (id null) or replaces its settings and area.</summary>
    public async Task<FenceSaveResult> SaveAsync(int? id, FenceInput input, string actor, CancellationToken cancellationToken)
    {
        var checkedInput = FenceChecks.Check(input, text);
        if (checkedInput.Fence is not { } draft)
        {
            return FenceSaveResult.Invalid(checkedInput.Errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Geofence? fence;
        if (id is null)
        {
            fence = draft;
            db.Geofences.Add(fence);
        }
        else
        {
            fence = await db.Geofences.FindAsync([id.Value], cancellationToken);
            if (fence is null)
            {
                return FenceSaveResult.NotFound(id.Value);
            }

            if (input.ExpectedUpdatedAt is { } expected && expected != fence.UpdatedAt)
            {
                return FenceSaveResult.Conflict("expectedUpdatedAt", $"Fence {fence.Id} was changed at {fence.UpdatedAt:O}, after the version this change was made from ({expected:O}); read it again.");
            }

            CopySettings(draft, fence, keepActive: input.Active is null);
        }

        if (await FenceReferences.ProblemAsync(db, fence, cancellationToken) is { } problem)
        {
            return FenceSaveResult.Invalid(new() { [problem.Field] = [problem.Message] });
        }

        fence.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(db, actor, $"fence:{fence.Id}", $"{(id is null ? "added" : "changed")} '{fence.Name}' ({fence.Kind}, {fence.Scope}, {(fence.Active ? "active" : "inactive")})", cancellationToken);
        await TellEveryNodeAsync(db, fence.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ReachIndexAsync(() => catalog.ReloadAsync(fence.Id, CancellationToken.None));
        return FenceSaveResult.Saved(fence.Id, checkedInput.Repairs);
    }

    /// <summary>Takes the fence out of the rules but keeps it, and the alerts that name it.</summary>
    public Task<FenceSaveResult> DeactivateAsync(int id, string actor, CancellationToken cancellationToken) =>
        ChangeOneAsync(id, actor, "deactivated", (_, fence) =>
        {
            fence.Active = false;
            fence.UpdatedAt = time.GetUtcNow();
            return Task.FromResult<FenceSaveResult?>(null);
        }, cancellationToken);

    /// <summary>Deletes a fence that no alert names; one that an alert names can only be deactivated, or the alert would lose its reason.</summary>
    public Task<FenceSaveResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken) =>
        ChangeOneAsync(id, actor, "deleted", async (db, fence) =>
        {
            var alerts = await db.Alerts.CountAsync(a => a.FenceId == id, cancellationToken);
            if (alerts > 0)
            {
                return FenceSaveResult.Conflict("id", $"Fence {id} '{fence.Name}' is named by {alerts} alert(s); deactivate it instead of deleting it.");
            }

            db.Geofences.Remove(fence);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Imports a GeoJSON FeatureCollection: a feature whose id is a stored fence replaces it, any other is
    /// added. Any refused feature refuses the whole file, with every problem named by feature and place.
    /// </summary>
    public async Task<FenceImportOutcome> ImportAsync(Stream geoJson, string actor, CancellationToken cancellationToken)
    {
        var read = await FenceGeoJsonReader.ReadAsync(geoJson, cancellationToken);
        var errors = new FieldErrors();
        foreach (var issue in read.Errors)
        {
            errors.Add(issue.Location, text.Message(issue));
        }

        if (read.Succeeded && read.Fences.Count == 0)
        {
            errors.Add("features", "The file holds no fence.");
        }

        if (errors.Count > 0)
        {
            return FenceImportOutcome.Refused(errors.ToDictionary());
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = read.Fences.Select(f => f.Id).Where(id => id != 0).ToList();
        var existing = await db.Geofences.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var now = time.GetUtcNow();
        var added = 0;
        for (var i = 0; i < read.Fences.Count; i++)
        {
            var (draft, problem) = GeofenceDefinitions.ToGeofence(read.Fences[i]);
            if (draft is null)
            {
                errors.Add($"feature {i}", problem!);
                continue;
            }

            var fence = draft;
            if (existing.TryGetValue(read.Fences[i].Id, out var stored))
            {
                CopySettings(draft, stored, keepActive: false);
                fence = stored;
            }
            else
            {
                db.Geofences.Add(fence);
                added++;
            }

            fence.UpdatedAt = now;
            if (await FenceReferences.ProblemAsync(db, fence, cancellationToken) is { } reference)
            {
                errors.Add($"feature {i}, property {reference.Field}", reference.Message);
            }
        }

        if (errors.Count > 0)
        {
            return FenceImportOutcome.Refused(errors.ToDictionary());
        }

        await db.SaveChangesAsync(cancellationToken);
        var repairs = read.Repairs.Select(text.Described).ToList();
        await AppendAsync(db, actor, "fences", $"imported {read.Fences.Count} from GeoJSON: {added} added, {read.Fences.Count - added} updated, {repairs.Count} repair(s)", cancellationToken);
        await TellEveryNodeAsync(db, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ReachIndexAsync(() => catalog.RefreshChangedAsync(CancellationToken.None));
        return FenceImportOutcome.Imported(added, read.Fences.Count - added, repairs);
    }

    /// <summary>
    /// Finds one fence and lets the step change it or refuse; a change commits with its audit entry
    /// ("deleted 'name'") and then reaches the rules' index.
    /// </summary>
    private async Task<FenceSaveResult> ChangeOneAsync(
        int id, string actor, string verb, Func<CommandCenterDb, Geofence, Task<FenceSaveResult?>> step, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fence = await db.Geofences.FindAsync([id], cancellationToken);
        if (fence is null)
        {
            return FenceSaveResult.NotFound(id);
        }

        if (await step(db, fence) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(db, actor, $"fence:{id}", $"{verb} '{fence.Name}'", cancellationToken);
        await TellEveryNodeAsync(db, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ReachIndexAsync(() => catalog.ReloadAsync(id, CancellationToken.None));
        return FenceSaveResult.Saved(id, []);
    }

    /// <summary>
    /// Brings the rules' index up to date after a commit, whether or not the caller is still waiting (so not
    /// with its cancellation). Should the database fail just then, the change is stored all the same and
    /// the periodic refresh picks it up; the caller is not told of a failure that did not happen to them.
    /// </summary>
    private async Task ReachIndexAsync(Func<Task> reload)
    {
        try
        {
            await reload();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "A fence change is stored but the rules' index was not brought up to date; the next periodic refresh will.");
        }
    }

    private static void CopySettings(Geofence from, Geofence to, bool keepActive)
    {
        to.Name = from.Name;
        to.Kind = from.Kind;
        to.Area = from.Area;
        to.BufferMeters = from.BufferMeters;
        to.Immediate = from.Immediate;
        to.Scope = from.Scope;
        to.ScopeSubjectIds = from.ScopeSubjectIds;
        to.ScopeRiskLevel = from.ScopeRiskLevel;
        to.ScopeSquadId = from.ScopeSquadId;
        to.Schedule = from.Schedule;
        if (!keepActive)
        {
            to.Active = from.Active;
        }
    }

    /// <summary>
    /// The live log's entry, in the change's transaction: every node's index reloads the fence (within the
    /// tail's poll, well under a second) and the walls and desks redraw their fences. This node reloads at
    /// once too, so the request that saved it is answered by an index that has it.
    /// </summary>
    private Task TellEveryNodeAsync(CommandCenterDb db, int? fenceId, CancellationToken cancellationToken) =>
        liveLog.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), LiveLogRecord.FencesChanged(fenceId), cancellationToken);

    private Task AppendAsync(CommandCenterDb db, string actor, string target, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged, target, detail), cancellationToken);
}
