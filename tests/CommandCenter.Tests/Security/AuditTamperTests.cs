using CommandCenter.Security.Audit;
using CommandCenter.Security;
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
    public async Task TwoEntriesEditedBehindTheAppsBackAreBothNamedAndTheEntriesBetweenThemAreNot()
    {
        string[] targets = ["subject:PY20240001", "subject:PY20240002", "subject:PY20240003", "subject:PY20240004", "subject:PY20240005"];
        foreach (var target in targets)
        {
            await Trail.AppendAsync(new AuditRecord("tester", AuditActions.Unmask, target, "case review"));
        }

        var first = await FindAsync(targets[1]);
        var second = await FindAsync(targets[3]);

        // What the owner of the tables could do: switch the guard off and rewrite history, twice.
        await ExecuteAsync($"""
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;
            UPDATE audit_entries SET detail = 'routine' WHERE id IN ({first}, {second});
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;
            """);
        var report = await Verifier.VerifyAsync();

        Assert.False(report.IsIntact);
        Assert.Equal([new AuditChainBreak(first, AuditBreakKind.Content), new AuditChainBreak(second, AuditBreakKind.Content)], report.Breaks);
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
