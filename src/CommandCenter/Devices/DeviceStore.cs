using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Ingest;
using CommandCenter.Localization;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Devices;

/// <summary>
/// Enrols, assigns, replaces and retires devices and rotates their keys. Each change commits together with its
/// audit entry, and the ingest's directory is read again right after, so a retired or rotated key is refused
/// from the next request on. A squad leader reaches only the devices of their squad's people; anything else
/// is, to them, not there.
/// </summary>
public class DeviceStore(
    IDbContextFactory<CommandCenterDb> factory, DeviceQueries queries, DeviceDirectory directory, AuditTrail audit, TimeProvider time, IStringLocalizer<UiText> text)
{
    public async Task<DeviceOutcome> EnrolAsync(EnrolInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (kind, errors) = CheckDevice(input.Serial, input.Kind, kindRequired: true);
        if (input.SubjectId is null)
        {
            errors["subjectId"] = [text["Validation.Required"]];
        }

        if (errors.Count > 0)
        {
            return new DeviceOutcome(DeviceOutcomeKind.Invalid, Errors: errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SubjectProblemAsync(db, input.SubjectId!.Value, user, cancellationToken) is { } subjectProblem)
        {
            return DeviceOutcome.Invalid("subjectId", subjectProblem);
        }

        var (device, key) = NewDevice(input.Serial!, kind!.Value, input.SubjectId.Value);
        return await EnrolInTransactionAsync(db, device, key, user, $"enrolled {device.Kind} {device.Serial} for subject {device.SubjectId}", cancellationToken);
    }

    public async Task<DeviceOutcome> AssignAsync(int id, AssignInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (input.SubjectId is null || input.Version is null)
        {
            return new DeviceOutcome(DeviceOutcomeKind.Invalid, Errors: Missing(("subjectId", input.SubjectId is null), ("version", input.Version is null)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var device = await FindActiveAsync(db, id, input.Version.Value, user, cancellationToken);
        if (device.Outcome is not null)
        {
            return device.Outcome;
        }

        if (await SubjectProblemAsync(db, input.SubjectId.Value, user, cancellationToken) is { } subjectProblem)
        {
            return DeviceOutcome.Invalid("subjectId", subjectProblem);
        }

        var from = device.Device!.SubjectId;
        device.Device.SubjectId = input.SubjectId.Value;
        return await CommitAsync(db, device.Device, null, user, $"assigned {device.Device.Serial} from subject {from} to subject {input.SubjectId}", cancellationToken);
    }

    /// <summary>Retires the device and enrols its successor for the same subject, in one transaction.</summary>
    public async Task<DeviceOutcome> ReplaceAsync(int id, ReplaceInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (kind, errors) = CheckDevice(input.Serial, input.Kind, kindRequired: false);
        if (input.Version is null)
        {
            errors["version"] = [text["Validation.Required"]];
        }

        if (errors.Count > 0)
        {
            return new DeviceOutcome(DeviceOutcomeKind.Invalid, Errors: errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var old = await FindActiveAsync(db, id, input.Version!.Value, user, cancellationToken);
        if (old.Outcome is not null)
        {
            return old.Outcome;
        }

        Retire(old.Device!);
        if (await SaveAsync(db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (device, key) = NewDevice(input.Serial!, kind ?? old.Device!.Kind, old.Device!.SubjectId);
        return await EnrolInTransactionAsync(db, device, key, user,
            $"replaced {old.Device.Serial} by {device.Kind} {device.Serial} for subject {device.SubjectId}", cancellationToken);
    }

    public async Task<DeviceOutcome> RetireAsync(int id, VersionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (input.Version is null)
        {
            return new DeviceOutcome(DeviceOutcomeKind.Invalid, Errors: Missing(("version", true)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var device = await FindActiveAsync(db, id, input.Version.Value, user, cancellationToken);
        if (device.Outcome is not null)
        {
            return device.Outcome;
        }

        Retire(device.Device!);
        return await CommitAsync(db, device.Device!, null, user, $"retired {device.Device!.Serial} of subject {device.Device.SubjectId}", cancellationToken);
    }

    /// <summary>Issues a new key; the old one is refused from the moment this returns.</summary>
    public async Task<DeviceOutcome> RotateKeyAsync(int id, VersionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (input.Version is null)
        {
            return new DeviceOutcome(DeviceOutcomeKind.Invalid, Errors: Missing(("version", true)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var device = await FindActiveAsync(db, id, input.Version.Value, user, cancellationToken);
        if (device.Outcome is not null)
        {
            return device.Outcome;
        }

        var key = Secrets.New();
        device.Device!.KeyHash = Secrets.Hash(key);
        return await CommitAsync(db, device.Device, key, user, $"rotated the key of {device.Device.Serial}", cancellationToken);
    }

    /// <summary>The serial's and the kind's problems by field, and the kind when it is given and valid.</summary>
    private (DeviceKind? Kind, Dictionary<string, string[]> Errors) CheckDevice(string? serial, string? kind, bool kindRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if (DeviceChecks.SerialProblem(serial, text) is { } serialProblem)
        {
            errors["serial"] = [serialProblem];
        }

        if (kind is null && !kindRequired)
        {
            return (null, errors);
        }

        var (parsed, kindProblem) = DeviceChecks.Kind(kind, text);
        if (kindProblem is not null)
        {
            errors["kind"] = [kindProblem];
        }

        return (parsed, errors);
    }

    private (Device Device, string Key) NewDevice(string serial, DeviceKind kind, int subjectId)
    {
        // 256 bits from the operating system's CSPRNG: nothing about the serial or the time goes into it.
        var key = Secrets.New();
        return (new Device { Serial = serial, Kind = kind, SubjectId = subjectId, KeyHash = Secrets.Hash(key), EnrolledAt = time.GetUtcNow() }, key);
    }

    private void Retire(Device device)
    {
        device.Active = false;
        device.RetiredAt = time.GetUtcNow();
    }

    private async Task<DeviceOutcome> EnrolInTransactionAsync(CommandCenterDb db, Device device, string key, ClaimsPrincipal user, string detail, CancellationToken cancellationToken)
    {
        if (await db.Devices.AnyAsync(d => d.Active && d.Serial == device.Serial, cancellationToken))
        {
            return DeviceOutcome.Conflict("serial", text["Devices.SerialActive", device.Serial]);
        }

        db.Devices.Add(device);
        return await CommitAsync(db, device, key, user, detail, cancellationToken);
    }

    private async Task<DeviceOutcome> CommitAsync(CommandCenterDb db, Device device, string? key, ClaimsPrincipal user, string detail, CancellationToken cancellationToken)
    {
        if (await SaveAsync(db, cancellationToken) is { } refused)
        {
            return refused;
        }

        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(user.Identity?.Name ?? "unknown", AuditActions.DeviceChanged, $"device:{device.Serial}", detail), cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        await directory.RefreshAsync(CancellationToken.None);
        var row = await queries.FindAsync(device.Id, null, CancellationToken.None);
        return new DeviceOutcome(DeviceOutcomeKind.Done, row, key);
    }

    private async Task<DeviceOutcome?> SaveAsync(CommandCenterDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeviceOutcome.Stale;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another enrolment of the same serial committed between the check and this insert.
            return DeviceOutcome.Conflict("serial", text["Devices.SerialActive", db.ChangeTracker.Entries<Device>().Last().Entity.Serial]);
        }
    }

    /// <summary>The device, tracked, with the caller's version as the one the update must still find; or why not.</summary>
    private async Task<(Device? Device, DeviceOutcome? Outcome)> FindActiveAsync(CommandCenterDb db, int id, uint version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id && (scope == null || d.Subject!.SquadId == scope), cancellationToken);
        if (device is null)
        {
            return (null, DeviceOutcome.NotFound);
        }

        if (device.Version != version)
        {
            return (null, DeviceOutcome.Stale);
        }

        if (!device.Active)
        {
            return (null, DeviceOutcome.Conflict("id", text["Devices.AlreadyRetired"]));
        }

        db.Entry(device).Property(d => d.Version).OriginalValue = version;
        return (device, null);
    }

    private async Task<string?> SubjectProblemAsync(CommandCenterDb db, int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = SquadScope.Of(user);
        var status = await db.Subjects.Where(s => s.Id == subjectId && (scope == null || s.SquadId == scope))
            .Select(s => (SubjectStatus?)s.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            null => text["Devices.SubjectUnknown", subjectId].Value,
            SubjectStatus.InCorrection => null,
            _ => text["Devices.SubjectNotInCorrection"].Value,
        };
    }

    private Dictionary<string, string[]> Missing(params (string Field, bool IsMissing)[] fields) =>
        fields.Where(f => f.IsMissing).ToDictionary(f => f.Field, _ => new[] { text["Validation.Required"].Value });
}
