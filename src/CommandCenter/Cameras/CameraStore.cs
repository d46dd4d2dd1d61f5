using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Cameras;

/// <summary>Adds, changes, imports, retires and deletes cameras. Each change commits together with its audit entry; an import is all or nothing.</summary>
public class CameraStore(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IStringLocalizer<UiText> text, TimeProvider time)
{
    /// <summary>Adds the camera (id null) or changes it; returns the errors by field, or the camera's id.</summary>
    public async Task<(int? Id, Dictionary<string, string[]> Errors)> SaveAsync(int? id, CameraInput input, string actor, CancellationToken cancellationToken)
    {
        var errors = CameraChecks.Check(input, text);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var code = input.Code!.Trim();
        if (await db.Cameras.AnyAsync(c => c.Code == code && c.Id != id, cancellationToken))
        {
            return (null, new Dictionary<string, string[]> { ["code"] = [$"Another camera already has the code {code}."] });
        }

        Camera? camera;
        if (id is null)
        {
            camera = new Camera { Code = code, Name = input.Name!.Trim(), Location = Point(input) };
            db.Cameras.Add(camera);
        }
        else
        {
            camera = await db.Cameras.FindAsync([id.Value], cancellationToken);
            if (camera is null)
            {
                return (null, new Dictionary<string, string[]> { ["id"] = [$"There is no camera {id}."] });
            }

            if (input.Version is { } version)
            {
                if (camera.Version != version)
                {
                    return (null, Stale);
                }

                db.Entry(camera).Property(c => c.Version).OriginalValue = version;
            }
        }

        Apply(camera, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Stale);
        }

        await AppendAsync(db, actor, $"camera:{camera.Code}", id is null ? "added" : "changed", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (camera.Id, []);
    }

    /// <summary>Adds the cameras whose code is new and updates those whose code exists, all in one transaction.</summary>
    public async Task<(int Added, int Updated, Dictionary<string, string[]> Errors)> ImportAsync(string csv, string actor, CancellationToken cancellationToken)
    {
        var (inputs, errors) = CameraCsv.Read(csv, text);
        if (errors.Count > 0)
        {
            return (0, 0, errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Cameras.ToDictionaryAsync(c => c.Code, cancellationToken);
        var added = 0;
        foreach (var input in inputs)
        {
            if (!existing.TryGetValue(input.Code!.Trim(), out var camera))
            {
                camera = new Camera { Code = input.Code.Trim(), Name = input.Name!.Trim(), Location = Point(input) };
                db.Cameras.Add(camera);
                added++;
            }

            Apply(camera, input);
        }

        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(db, actor, "cameras", $"imported {inputs.Count} from CSV: {added} added, {inputs.Count - added} updated", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (added, inputs.Count - added, []);
    }

    /// <summary>The key under which a change made against an older version is reported (a 409, not a field error).</summary>
    public const string StaleKey = "version";

    private static Dictionary<string, string[]> Stale => new() { [StaleKey] = ["The camera has changed since it was read; read it again. Nothing was stored."] };

    /// <summary>
    /// Takes the camera out of service, or back into it: a retired camera keeps its record and its history (the
    /// audit trail names it) but is offered to no screen.
    /// </summary>
    public async Task<CameraChange> SetRetiredAsync(int id, bool retired, uint? version, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var camera = await db.Cameras.FindAsync([id], cancellationToken);
        if (camera is null)
        {
            return CameraChange.NotFound;
        }

        if (version is { } expected && camera.Version != expected)
        {
            return CameraChange.Stale;
        }

        if (retired == (camera.RetiredAt is not null))
        {
            return CameraChange.Done;
        }

        db.Entry(camera).Property(c => c.Version).OriginalValue = camera.Version;
        camera.RetiredAt = retired ? time.GetUtcNow() : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CameraChange.Stale;
        }

        await AppendAsync(db, actor, $"camera:{camera.Code}", retired ? "retired" : "returned to service", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CameraChange.Done;
    }

    /// <summary>
    /// Deletes a camera that nothing refers to. What may refer to a camera is read from the database's own foreign
    /// keys, so a table added later (roll calls at a camera, say) is respected without this code knowing it.
    /// </summary>
    public async Task<CameraChange> DeleteAsync(int id, uint? version, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var camera = await db.Cameras.FromSql($"SELECT *, xmin FROM cameras WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);
        if (camera is null)
        {
            return CameraChange.NotFound;
        }

        if (version is { } expected && camera.Version != expected)
        {
            return CameraChange.Stale;
        }

        var references = await CameraReferences.CountAsync((NpgsqlConnection)db.Database.GetDbConnection(), id, cancellationToken);
        if (references.Count > 0)
        {
            return new CameraChange(CameraChangeKind.Referenced, references);
        }

        db.Cameras.Remove(camera);
        await db.SaveChangesAsync(cancellationToken);
        await AppendAsync(db, actor, $"camera:{camera.Code}", $"deleted ({camera.Name})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CameraChange.Done;
    }

    private static void Apply(Camera camera, CameraInput input)
    {
        camera.Name = input.Name!.Trim();
        camera.Location = Point(input);
        camera.StreamUrl = input.StreamUrl?.Trim();
        camera.SnapshotUrl = input.SnapshotUrl?.Trim();
        // Kept for the CSV and the API, but no screen shows it any more: a camera's state is measured (CameraSignals).
        camera.Online = input.Online ?? camera.Online;
    }

    private static NetTopologySuite.Geometries.Point Point(CameraInput input) => Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(input.Longitude!.Value, input.Latitude!.Value));

    private Task AppendAsync(CommandCenterDb db, string actor, string target, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged, target, detail), cancellationToken);
}
