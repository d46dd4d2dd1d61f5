using CommandCenter.Security.Audit;
using CommandCenter.Site;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Security;

/// <summary>Breaks the chain on purpose, so it has a database of its own.</summary>
public class AuditTamperTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private AuditTrail Trail => app.Services.GetRequiredService<AuditTrail>();

    private AuditChainVerifier Verifier => app.Services.GetRequiredService<AuditChainVerifier>();

    private Task ExecuteAsync(string sql) => new CountyRecords(app.ConnectionString).ExecuteAsync(sql);

    [Fact]
    public async Task AnEntryEditedBehindTheAppsBackIsNamedAsTheFirstBrokenLink()
    {
        await Trail.AppendAsync(new AuditRecord("tester", "unmask-personal-data", "subject:PY20240001", "case review"));
        await Trail.AppendAsync(new AuditRecord("tester", "unmask-personal-data", "subject:PY20240002", "case review"));
        await Trail.AppendAsync(new AuditRecord("tester", "export", "audit-trail"));
        var tampered = await FindAsync("subject:PY20240002");

        // What an administrator with database rights could do: switch the guard off and rewrite history.
        await ExecuteAsync($"""
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;
            UPDATE audit_entries SET detail = 'routine' WHERE id = {tampered};
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;
            """);
        var report = await Verifier.VerifyAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(tampered, report.BrokenEntryId);
        Assert.Contains("altered", report.Reason);
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["audit", "verify"]));
    }

    private async Task<long> FindAsync(string target)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM audit_entries WHERE target = @t", connection);
        command.Parameters.AddWithValue("t", target);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
