using CommandCenter.Security.Audit;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Security;

/// <summary>
/// The head of the audit chain written outside the database under a key the database never holds: an
/// owner of the database who rewrites an entry and recomputes every later hash passes the chain check,
/// but not <c>audit verify</c>.
/// </summary>
public class AuditAnchorTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private AuditTrail Trail => app.Services.GetRequiredService<AuditTrail>();

    private AuditChainVerifier Verifier => app.Services.GetRequiredService<AuditChainVerifier>();

    private AuditAnchorFile AnchorFile => app.Services.GetRequiredService<AuditAnchorFile>();

    [Fact]
    public async Task TheHeadIsAnchoredEveryHourWithAValidSignature()
    {
        await Trail.AppendAsync(new AuditRecord("tester", AuditActions.Export, "audit-trail"));
        var head = await HeadAsync();

        app.Clock.Advance(TimeSpan.FromHours(1));

        // The hour's other jobs may audit too before the tick: the anchor is of the head then, this entry or a later one.
        var anchor = await WaitForAnchorFromAsync(head.Id);
        Assert.Equal(await HashOfAsync(anchor.EntryId), anchor.Hash);
        Assert.Equal(app.Clock.GetUtcNow(), anchor.At, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AChainRecomputedByTheDatabasesOwnerPassesTheChainCheckButNotTheAnchors()
    {
        await Trail.AppendAsync(new AuditRecord("tester", AuditActions.Unmask, "subject:PY20240007", "case review"));
        var rewritten = await HeadAsync();
        await Trail.AppendAsync(new AuditRecord("tester", AuditActions.Export, "audit-trail"));
        var anchored = await app.Services.GetRequiredService<AuditAnchors>().AnchorHeadAsync(CancellationToken.None);

        await RewriteAndRecomputeFromAsync(rewritten.Id, "routine");

        var chainOnly = await Verifier.VerifyAsync();
        Assert.True(chainOnly.IsIntact, chainOnly.ToString());
        var withAnchors = await Verifier.VerifyWithAnchorsAsync();
        Assert.Contains(withAnchors.Breaks, b => b.Kind == AuditBreakKind.AnchorMismatch && b.EntryId == anchored!.EntryId);
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["audit", "verify"]));
    }

    [Fact]
    public async Task AnAnchorLineWrittenWithoutTheKeyIsReportedByItsLineNumber()
    {
        await Trail.AppendAsync(new AuditRecord("tester", AuditActions.Export, "audit-trail"));
        await app.Services.GetRequiredService<AuditAnchors>().AnchorHeadAsync(CancellationToken.None);
        var head = await HeadAsync();
        var line = File.ReadAllLines(app.Anchors.AnchorFile).Length + 1;

        // A forger who knows the format but not the key: the entry and hash are real, the HMAC cannot be.
        await File.AppendAllTextAsync(app.Anchors.AnchorFile, $"{head.Id}\t{head.Hash}\t2030-01-01T00:00:00.000000Z\t{new string('0', 64)}\n");

        var report = await Verifier.VerifyWithAnchorsAsync();
        Assert.Contains(new AuditChainBreak(null, AuditBreakKind.ForgedAnchor, line), report.Breaks);
        Assert.Equal(1, await CommandLine.RunAsync(app.Services, ["audit", "verify"]));
    }

    [Fact]
    public async Task TheHeadIsAnchoredWhenTheAppShutsDown()
    {
        var own = new SmallCountyApp();
        await own.InitializeAsync();
        await own.Services.GetRequiredService<AuditTrail>().AppendAsync(new AuditRecord("tester", AuditActions.SignOut));
        var head = await new CountyRecords(own.ConnectionString).ScalarAsync<long>("SELECT max(id) FROM audit_entries");
        Assert.False(File.Exists(own.Anchors.AnchorFile) && File.ReadAllText(own.Anchors.AnchorFile).Contains($"{head}\t", StringComparison.Ordinal));

        await own.DisposeAsync();

        var last = File.ReadAllLines(own.Anchors.AnchorFile).Last();
        Assert.StartsWith($"{head}\t", last, StringComparison.Ordinal);
    }

    private async Task<AuditAnchor> WaitForAnchorFromAsync(long entryId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var found = (await AnchorFile.ReadAsync(CancellationToken.None)).Select(l => l.Anchor).LastOrDefault(a => a?.EntryId >= entryId);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No anchor of entry {entryId} or a later one was written.");
    }

    private async Task<string> HashOfAsync(long entryId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT hash FROM audit_entries WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", entryId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(long Id, string Hash)> HeadAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>What someone holding the database could do: rewrite an entry and recompute every hash after it, so the chain links again.</summary>
    private async Task RewriteAndRecomputeFromAsync(long id, string detail)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var entries = new List<AuditEntry>();
        await using (var read = new NpgsqlCommand(
            $"SELECT {AuditChainVerifier.EntryColumns} FROM audit_entries WHERE id >= @id ORDER BY id", connection, transaction))
        {
            read.Parameters.AddWithValue("id", id);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                entries.Add(AuditChainVerifier.ReadEntry(reader));
            }
        }

        entries[0].Detail = detail;
        var previous = entries[0].PreviousHash;
        await new NpgsqlCommand("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete", connection, transaction).ExecuteNonQueryAsync();
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditHash.Compute(entry);
            previous = entry.Hash;
            await using var update = new NpgsqlCommand("UPDATE audit_entries SET detail = @detail, previous_hash = @previous, hash = @hash WHERE id = @id", connection, transaction);
            update.Parameters.AddWithValue("detail", (object?)entry.Detail ?? DBNull.Value);
            update.Parameters.AddWithValue("previous", entry.PreviousHash);
            update.Parameters.AddWithValue("hash", entry.Hash);
            update.Parameters.AddWithValue("id", entry.Id);
            await update.ExecuteNonQueryAsync();
        }

        await new NpgsqlCommand("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete", connection, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
