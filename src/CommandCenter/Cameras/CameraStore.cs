using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Cameras;

/// <summary>Adds, changes and imports cameras. Each change commits together with its audit entry; an import is all or nothing.</summary>
public class CameraStore(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, IStringLocalizer<UiText> text)
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
        }

        Apply(camera, input);
        await db.SaveChangesAsync(cancellationToken);
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

    private static void Apply(Camera camera, CameraInput input)
    {
        camera.Name = input.Name!.Trim();
        camera.Location = Point(input);
        camera.StreamUrl = input.StreamUrl?.Trim();
        camera.SnapshotUrl = input.SnapshotUrl?.Trim();
        camera.Online = input.Online ?? true;
    }

    private static NetTopologySuite.Geometries.Point Point(CameraInput input) => Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(input.Longitude!.Value, input.Latitude!.Value));

    private Task AppendAsync(CommandCenterDb db, string actor, string target, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged, target, detail), cancellationToken);
}
