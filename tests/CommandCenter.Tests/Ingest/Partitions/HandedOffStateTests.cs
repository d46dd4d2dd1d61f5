using CommandCenter.Ingest;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>
/// A node that takes over a partition reads its subjects' state while fixes accepted elsewhere still wait in the
/// hand-offs, already stored and already the latest position. Taken as the last fix, the newest of them would make
/// the waiting ones look old and they would never be judged: after a restart or a failover, a subject outside the
/// county raised nothing. The state read must stand before the first fix waiting.
/// </summary>
public class HandedOffStateTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheLastFixReadForASubjectWithFixesWaitingIsTheNewestStoredBeforeThem()
    {
        var waiting = await county.VisibleDeviceAsync(40);
        var alone = await county.VisibleDeviceAsync(41);
        await county.PlaceAsync(waiting.SubjectId, (TimeSpan.FromMinutes(5), 0, 0), (TimeSpan.FromSeconds(5), 0, 1.0));
        await county.PlaceAsync(alone.SubjectId, (TimeSpan.FromSeconds(5), 0, 1.0));
        await HandOffNewestAsync(waiting);
        await HandOffNewestAsync(alone);

        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var snapshots = await app.Services.GetRequiredService<AlertStateLoader>().LoadAllAsync(connection, TimeProvider.System.GetUtcNow(), CancellationToken.None);

        var now = TimeProvider.System.GetUtcNow();
        var before = snapshots.Single(s => s.Facts.SubjectId == waiting.SubjectId).LastFix;
        Assert.NotNull(before);
        var newestBefore = await county.ScalarAsync<DateTime>(
            "SELECT max(fix_time) FROM positions WHERE subject_id = @s AND fix_time < (SELECT fix_time FROM ingest_hand_offs WHERE subject_id = @s)",
            ("s", waiting.SubjectId));
        Assert.Equal(newestBefore, before.Value.At.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.True(snapshots.Single(s => s.Facts.SubjectId == alone.SubjectId).LastFix is not { } last || last.At < now.AddSeconds(-4),
            "the fix waiting is not the last fix read");
    }

    /// <summary>Puts the subject's newest stored fix in the hand-offs, as a node that does not own the subject does.</summary>
    private Task HandOffNewestAsync(TestDevice device) => county.ExecuteAsync($"""
        INSERT INTO ingest_hand_offs (partition, subject_id, device_id, fix_time, longitude, latitude)
        SELECT 0, subject_id, device_id, fix_time, ST_X(location), ST_Y(location) FROM positions
        WHERE subject_id = {device.SubjectId} ORDER BY fix_time DESC LIMIT 1
        """);
}
