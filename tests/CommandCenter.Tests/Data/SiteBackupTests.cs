using CommandCenter.Data.Backup;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Data;

/// <summary>
/// A backup and its restore on the test database: what changed after the backup is gone, the audit chain and its
/// anchors verify again (the anchors file went back with the database; the one it replaced is kept), and the
/// restore is the first thing the trail records after it.
/// </summary>
public class SiteBackupTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ARestoreUndoesAChangeMadeAfterTheBackupAndTheAuditChainAndAnchorsVerify()
    {
        var backups = app.Services.GetRequiredService<SiteBackup>();
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var anchors = app.Services.GetRequiredService<AuditAnchors>();
        var verifier = app.Services.GetRequiredService<AuditChainVerifier>();
        var file = Path.Combine(Path.GetTempPath(), $"cc-backup-{Guid.NewGuid():N}.zip");
        var subject = await county.ScalarAsync<int>("SELECT min(id) FROM subjects");
        var phone = await county.ScalarAsync<string>("SELECT phone FROM subjects WHERE id = @id", ("id", subject));
        await audit.AppendAsync(new AuditRecord("tester", AuditActions.RecordChanged, "before-backup"));
        await anchors.AnchorHeadAsync(CancellationToken.None);

        try
        {
            var taken = await backups.BackupAsync(file, "tester", CancellationToken.None);
            await county.ExecuteAsync($"UPDATE subjects SET phone = '17099990000' WHERE id = {subject}");
            await audit.AppendAsync(new AuditRecord("tester", AuditActions.RecordChanged, "after-backup"));
            await anchors.AnchorHeadAsync(CancellationToken.None);

            await backups.RestoreAsync(file, "tester", CancellationToken.None);

            Assert.True(taken.AnchorsIncluded);
            Assert.Equal(phone, await county.ScalarAsync<string>("SELECT phone FROM subjects WHERE id = @id", ("id", subject)));
            Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'after-backup'"));
            Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'backup-restored'"));
            var report = await verifier.VerifyWithAnchorsAsync();
            Assert.True(report.IsIntact, report.ToString());
            Assert.Single(Directory.GetFiles(app.Anchors.Folder, "audit-anchors.log.before-restore-*"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFileAndAFileThatIsNotABackupIsRefused()
    {
        var backups = app.Services.GetRequiredService<SiteBackup>();
        var existing = Path.GetTempFileName();
        try
        {
            await Assert.ThrowsAsync<BackupException>(() => backups.BackupAsync(existing, "tester", CancellationToken.None));
            await File.WriteAllTextAsync(existing, "not an archive");
            await Assert.ThrowsAnyAsync<Exception>(() => backups.RestoreAsync(existing, "tester", CancellationToken.None));
        }
        finally
        {
            File.Delete(existing);
        }
    }
}
