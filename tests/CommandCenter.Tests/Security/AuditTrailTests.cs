using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Security;

public class AuditTrailTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private AuditTrail Trail => app.Services.GetRequiredService<AuditTrail>();

    private AuditChainVerifier Verifier => app.Services.GetRequiredService<AuditChainVerifier>();

    private CountyRecords Records => new(app.ConnectionString);

    private Task ExecuteAsync(string sql) => Records.ExecuteAsync(sql);

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
    public async Task AppendsFromManySessionsAtOnceStillFormOneChainWithoutForks()
    {
        // As nodes and requests append at once: each must read the chain's end only after the one before it committed.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Trail.AppendAsync(new AuditRecord("tester", "record-changed", $"fence:{i}", "at once"))));

        var report = await Verifier.VerifyAsync();

        Assert.True(report.IsIntact, report.ToString());
        Assert.Equal(0, await Records.CountAsync("SELECT count(*) - count(DISTINCT previous_hash) FROM audit_entries"));
    }

    [Fact]
    public async Task AFailedSignInWithAnEightyCharacterUserNameIsStoredCutVisiblyAndTheChainHolds()
    {
        var name = "intruder-" + new string('x', 71);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        await FormSignIn.PostPasswordAsync(session, name, "Wrong-password-123");

        var stored = await Records.ScalarAsync<string>("SELECT actor FROM audit_entries WHERE action = 'sign-in-failed' AND actor LIKE 'intruder-%' ORDER BY id DESC LIMIT 1");
        Assert.Equal(AuditFieldBounds.Actor, stored.Length);
        Assert.EndsWith(AuditFieldBounds.CutMarker.ToString(), stored, StringComparison.Ordinal);
        var report = await Verifier.VerifyAsync();
        Assert.True(report.IsIntact, report.ToString());
    }

    [Fact]
    public async Task EveryFieldIsBoundedAndFreedOfNulBeforeItIsHashedSoTheChainHolds()
    {
        await Trail.AppendAsync(new AuditRecord(
            "nul\0actor", new string('a', 100), "target\0" + new string('t', 300), new string('d', 5000), "10.0.0.1\0" + new string('9', 80)));

        var report = await Verifier.VerifyAsync();

        Assert.True(report.IsIntact, report.ToString());
        Assert.Equal(1, await Records.CountAsync($"SELECT count(*) FROM audit_entries WHERE actor = 'nul{AuditFieldBounds.Replacement}actor' AND length(action) = {AuditFieldBounds.Action} AND length(target) = {AuditFieldBounds.Target} AND length(detail) = {AuditFieldBounds.Detail} AND length(remote_address) = {AuditFieldBounds.RemoteAddress}"));
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
