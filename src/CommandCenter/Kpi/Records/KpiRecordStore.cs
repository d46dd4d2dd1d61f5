using CommandCenter.Kit;
using CommandCenter.Data;
using CommandCenter.Localization;
using CommandCenter.Security.Audit;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Kpi.Records;

/// <summary>
/// Lists, checks, stores and deletes the dated KPI records. A record is checked in full before anything
/// is written, and written in one statement, so nothing of an invalid record is ever stored.
/// </summary>
public class KpiRecordStore(IDbContextFactory<CommandCenterDb> factory, TimeProvider time, SiteClock clock, IStringLocalizer<UiText> text, AuditTrail audit)
{
    /// <summary>The records dated between the two days (inclusive, either may be open), newest first.</summary>
    public async Task<List<T>> ListAsync<T>(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
        where T : class, IKpiRecord
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken);
        return all
            .Where(r => (from is null || r.Date >= from) && (to is null || r.Date <= to))
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .ToList();
    }

    public async Task<T?> FindAsync<T>(int id, CancellationToken cancellationToken)
        where T : class, IKpiRecord
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<T>().FindAsync([id], cancellationToken);
    }

    /// <summary>
    /// Checks the record; stores it as new when its id is 0, else replaces the stored one with that id. The
    /// change and its audit entry commit together.
    /// </summary>
    public async Task<RecordSaveResult> SaveAsync<T>(T record, string actor, CancellationToken cancellationToken)
        where T : class, IKpiRecord
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checks = await CheckAsync(db, record, cancellationToken);
        if (!checks.IsValid)
        {
            return new RecordSaveResult(record.Id, checks.Errors);
        }

        if (record.Id == 0)
        {
            db.Set<T>().Add(record);
        }
        else
        {
            var stored = await db.Set<T>().FindAsync([record.Id], cancellationToken);
            if (stored is null)
            {
                return new RecordSaveResult(record.Id, new Dictionary<string, string[]>(), NotFound: true);
            }

            db.Entry(stored).CurrentValues.SetValues(record);
        }

        var isNew = record.Id == 0;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(db, actor, typeof(T).Name, record.Id, isNew ? "added" : "replaced", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordSaveResult(record.Id, new Dictionary<string, string[]>());
    }

    public async Task<bool> DeleteAsync<T>(int id, string actor, CancellationToken cancellationToken)
        where T : class, IKpiRecord
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Set<T>().FindAsync([id], cancellationToken);
        if (stored is null)
        {
            return false;
        }

        db.Set<T>().Remove(stored);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(db, actor, typeof(T).Name, id, "deleted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private Task AuditAsync(CommandCenterDb db, string actor, string kind, int id, string what, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(actor, AuditActions.RecordChanged, $"kpi-record:{kind}:{id}", what), cancellationToken);

    private async Task<RecordChecks> CheckAsync(CommandCenterDb db, IKpiRecord record, CancellationToken cancellationToken)
    {
        var squads = await db.Squads.Select(s => s.Id).ToListAsync(cancellationToken);
        var checks = new RecordChecks(text, clock.Today(time.GetUtcNow()), squads.ToHashSet());
        record.Check(checks);
        if (record.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId, cancellationToken))
        {
            checks.Fail("subjectId", "Validation.UnknownSubject", subjectId);
        }

        return checks;
    }
}
