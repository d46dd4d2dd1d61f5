using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Security;

public class AuditTrailTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private AuditTrail Trail => app.Services.GetRequiredService<AuditTrail>();

    private AuditChainVerifier Verifier => app.Services.GetRequiredService<AuditChainVerifier>();

    private Task ExecuteAsync(string sql) => new CountyRecords(app.ConnectionString).ExecuteAsync(sql);

    [Fact]
    public async Task AppendedEntriesFormAnIntactChain()
    {
        await Trail.AppendAsync(new AuditRecord("tester", "record-changed", "fence:1", "moved the school zone"));
        await Trail.AppendAsync(new AuditRecord("tester", "export", "audit-trail", null, "127.0.0.1"));

        var report = await Verifier.VerifyAsync();

        Assert.True(report.IsIntact, report.ToString());
        Assert.True(report.EntriesChecked >= 2);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrRemoveAnEntry()
    {
        await Trail.AppendAsync(new AuditRecord("tester", "sign-in"));

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE audit_entries SET actor = 'someone else'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("DELETE FROM audit_entries"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("TRUNCATE audit_entries"));

        Assert.All([update, delete, truncate], e => Assert.Contains("append-only", e.MessageText));
    }

}
