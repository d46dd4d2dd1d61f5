using CommandCenter.Ingest;
using CommandCenter.Ingest.Partitions;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>
/// An owner takes what other nodes handed to its partitions a batch at a time: each row once, each subject's fixes in
/// the order they were handed off, and, when more waits than one take holds, no partition left behind take after take.
/// </summary>
public class HandOffTakeTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const int Partitions = 4;
    private const int Rounds = 6;
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task EveryRowIsTakenOnceInEachSubjectsOrderAndNoPartitionWaitsBehindTheOthers()
    {
        var devices = new List<TestDevice>();
        for (var index = 0; devices.Select(d => d.SubjectId % Partitions).Distinct().Count() < Partitions || devices.Count < 8; index++)
        {
            devices.Add(await county.VisibleDeviceAsync(index));
        }

        // Handed off round by round, every subject once a round, a second apart: the order a subject's fixes must keep.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        await county.ExecuteAsync($"""
            INSERT INTO ingest_hand_offs (partition, subject_id, device_id, fix_time, longitude, latitude)
            SELECT d.subject_id % {Partitions}, d.subject_id, d.device_id, to_timestamp({start.ToUnixTimeSeconds()} + r), 117.6, 35.5
            FROM generate_series(0, {Rounds - 1}) AS r,
                 unnest(ARRAY[{string.Join(',', devices.Select(d => d.SubjectId))}], ARRAY[{string.Join(',', devices.Select(d => d.DeviceId))}]) AS d(subject_id, device_id)
            ORDER BY r
            """);

        var handOffs = Owner();
        var limit = devices.Count;
        var takes = new List<List<AcceptedFix>>();
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        while (takes.Count < Rounds * 2)
        {
            var (fixes, _) = await handOffs.TakeAsync(connection, limit, CancellationToken.None);
            if (fixes.Count == 0)
            {
                break;
            }

            Assert.True(fixes.Count <= limit, $"a take held {fixes.Count} rows, more than its limit of {limit}");
            takes.Add(fixes);
        }

        var taken = takes.SelectMany(t => t).ToList();
        Assert.Equal(devices.Count * Rounds, taken.Count);
        foreach (var device in devices)
        {
            var times = taken.Where(f => f.Device.Subject.Id == device.SubjectId).Select(f => f.FixTime).ToList();
            Assert.Equal(Enumerable.Range(0, Rounds).Select(r => start.AddSeconds(r)), times);
        }

        // Each partition holds more than a take's share; every one of them is reached within the first takes.
        var reached = takes.Take(Partitions).SelectMany(t => t).Select(f => f.Device.Subject.Id % Partitions).Distinct().Count();
        Assert.Equal(Partitions, reached);
    }

    private HandOffs Owner()
    {
        var partitions = new SubjectPartitions(Options.Create(new IngestOptions { Partitions = Partitions }));
        partitions.Set(Enumerable.Range(0, Partitions));
        return new HandOffs(partitions, app.Services.GetRequiredService<DeviceDirectory>());
    }
}
