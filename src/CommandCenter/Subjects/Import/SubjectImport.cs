using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using CommandCenter.Security.Audit;
using CommandCenter.Subjects.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Subjects.Import;

/// <summary>
/// Imports the people under supervision from a platform's export: a preview that names every bad cell and stores
/// nothing, and a commit that checks the file again on the server and stores every row or none, in one
/// transaction with its audit entry. Homes come without coordinates; an officer places each on the map later.
/// </summary>
public class SubjectImport(
    IDbContextFactory<CommandCenterDb> factory, AuditTrail audit, TimeProvider time, SiteClock clock,
    IOptions<SubjectsOptions> options, IStringLocalizer<UiText> text)
{
    public long MaxBytes => options.Value.MaxImportBytes;

    public int MaxRows => options.Value.MaxImportRows;

    /// <exception cref="ImportTooLargeException">The file holds more rows than <see cref="MaxRows"/>.</exception>
    public async Task<ImportPreview> PreviewAsync(byte[] content, ImportEncoding encoding, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CheckAsync(db, content, encoding, cancellationToken);
    }

    /// <exception cref="ImportTooLargeException">The file holds more rows than <see cref="MaxRows"/>.</exception>
    public async Task<ImportCommit> CommitAsync(byte[] content, ImportEncoding encoding, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await CheckAsync(db, content, encoding, cancellationToken);
        if (!preview.CanCommit)
        {
            return new ImportCommit(0, preview.Problems);
        }

        var subjects = preview.People.Select(p => NewSubject(p.Input)).ToList();
        db.Subjects.AddRange(subjects);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone registered one of these case numbers since the check: nothing is stored; a new preview names it.
            await transaction.RollbackAsync(cancellationToken);
            return new ImportCommit(0, [new ImportProblem(1, "", "code", text["Import.ChangedMeanwhile"])]);
        }

        var codes = string.Join(", ", subjects.Select(s => s.Code));
        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            new AuditRecord(actor, AuditActions.SubjectsImported, "subjects",
                string.Create(CultureInfo.InvariantCulture, $"imported {subjects.Count}, homes not yet placed: {codes}")), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportCommit(subjects.Count, []);
    }

    private async Task<ImportPreview> CheckAsync(CommandCenterDb db, byte[] content, ImportEncoding encoding, CancellationToken cancellationToken)
    {
        var table = ImportFileReader.Read(content, encoding, MaxRows);
        var codes = ImportChecks.Codes(table);
        var registered = (await db.Subjects.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var squads = await db.Squads.Where(s => s.RetiredAt == null).Select(s => new SquadName(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);
        return ImportChecks.Check(table, squads, registered, clock.Today(time.GetUtcNow()), text);
    }

    private static Subject NewSubject(SubjectInput input) => new()
    {
        Code = input.Code!.Trim(),
        Name = input.Name!.Trim(),
        IdNumber = ResidentIdNumber.Normalize(input.IdNumber!),
        Phone = input.Phone!.Trim(),
        HomeAddress = input.HomeAddress!.Trim(),
        Home = null,
        CorrectionType = input.CorrectionType!.Value,
        SupervisionLevel = input.SupervisionLevel!.Value,
        RiskLevel = input.RiskLevel!.Value,
        SquadId = input.SquadId!.Value,
        TermStart = input.TermStart!.Value,
        TermEnd = input.TermEnd!.Value,
        IntakeDate = input.IntakeDate!.Value,
        Status = SubjectStatus.InCorrection,
    };
}
