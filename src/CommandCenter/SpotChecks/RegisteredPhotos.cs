using System.Security.Claims;
using System.Security.Cryptography;
using CommandCenter.Data;
using CommandCenter.Kit;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.SpotChecks;

/// <summary>The registered photo of a subject (登记照片): uploaded by an officer, shown beside a spot check's answer.</summary>
public class RegisteredPhotos(IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time, IOptionsMonitor<SpotCheckOptions> options)
{
    /// <summary>Stores (or replaces) the subject's registered photo; a JPEG within the size bound.</summary>
    public async Task<SupervisionOutcome> UploadAsync(int subjectId, byte[] photo, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var maxBytes = options.CurrentValue.MaxPhotoBytes;
        if (JpegPhoto.Problem(photo, maxBytes) is { } problem)
        {
            return SupervisionOutcome.Refused(photo.Length > maxBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, problem);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId && (scope == null || s.SquadId == scope), cancellationToken))
        {
            return SupervisionOutcome.Refused(StatusCodes.Status404NotFound, $"There is no subject {subjectId}.");
        }

        var actor = user.Identity?.Name ?? "unknown";
        var hash = Convert.ToHexStringLower(SHA256.HashData(photo));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.RegisteredPhotos.FindAsync([subjectId], cancellationToken);
        if (stored is null)
        {
            stored = new RegisteredPhoto { SubjectId = subjectId, Content = photo, Sha256 = hash, UploadedBy = actor };
            db.RegisteredPhotos.Add(stored);
        }

        stored.Content = photo;
        stored.Sha256 = hash;
        stored.UploadedBy = actor;
        stored.UploadedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.RecordChanged,
            $"subject:{subjectId}", $"registered photo uploaded, sha256 {hash}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupervisionOutcome.Done(new { subjectId, sha256 = hash, stored.UploadedAt }, StatusCodes.Status200OK);
    }

    /// <summary>The subject's registered photo, if any and if the caller may see the subject.</summary>
    public async Task<byte[]?> FindAsync(int subjectId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = SquadScope.Of(user);
        return await db.RegisteredPhotos.Where(p => p.SubjectId == subjectId && db.Subjects.Any(s => s.Id == subjectId && (scope == null || s.SquadId == scope)))
            .Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
    }
}
