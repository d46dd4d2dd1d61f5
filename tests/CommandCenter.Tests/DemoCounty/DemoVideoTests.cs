using System.Diagnostics;
using System.Net;
using CommandCenter.Cameras;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Video;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.DemoCounty;

/// <summary>The demo's own test cards: real ffmpeg processes that the app starts, restarts and stops, leaving none behind.</summary>
public class DemoVideoTests
{
    [Fact]
    public async Task TheDemoServesLiveTestCardsRestartsOneThatDiesAndLeavesNoProcessWhenItStops()
    {
        var app = new DemoVideoApp();
        await app.InitializeAsync();
        try
        {
            var county = new CountyRecords(app.ConnectionString);

            // The cards start beside the app, not before it answers.
            await EventuallyAsync(async () => await county.CountAsync("SELECT count(*) FROM cameras WHERE stream_url LIKE '/demo-video/%'") == 2);
            var links = await county.ScalarAsync<string[]>("SELECT array_agg(stream_url ORDER BY code) FROM cameras WHERE stream_url LIKE '/demo-video/%'");
            Assert.Equal(2, links.Length);
            Assert.Equal(90 - 2, await county.CountAsync("SELECT count(*) FROM cameras WHERE stream_url IS NULL AND snapshot_url IS NULL"));

            using var anyone = new HttpClient { BaseAddress = app.BaseAddress };
            foreach (var link in links)
            {
                await EventuallyAsync(async () => (await anyone.GetStringAsync(link)).Contains("#EXTINF", StringComparison.Ordinal));
                var snapshot = await anyone.GetByteArrayAsync(link.Replace("index.m3u8", "snapshot.jpg", StringComparison.Ordinal));
                Assert.True(CameraProbe.IsJpeg(snapshot));
            }

            // Only the files ffmpeg writes, of a chosen camera, are served.
            Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(links[0].Replace("index.m3u8", "name.txt", StringComparison.Ordinal))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/demo-video/CAM-0099/index.m3u8")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/demo-video/..%2F..%2Fetc/passwd")).StatusCode);

            var signals = app.Services.GetRequiredService<CameraSignals>();
            var ids = await county.ScalarAsync<int[]>("SELECT array_agg(id) FROM cameras WHERE stream_url LIKE '/demo-video/%'");
            await EventuallyAsync(() => Task.FromResult(ids.All(id => signals.Of(id) is { Live: true })));

            // One ffmpeg killed outright comes back.
            var ffmpegs = FfmpegsAmong(app.ProcessesInFolder());
            Assert.Equal(2, ffmpegs.Count);
            Process.GetProcessById(ffmpegs[0]).Kill();
            await EventuallyAsync(() => Task.FromResult(FfmpegsAmong(app.ProcessesInFolder()) is { Count: 2 } now && !now.Contains(ffmpegs[0])));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.Empty(app.ProcessesInFolder());
    }

    private static List<int> FfmpegsAmong(IReadOnlyList<int> pids) =>
        [.. pids.Where(pid => File.ReadAllText($"/proc/{pid}/comm").Trim() == "ffmpeg")];

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not written yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "not within 30 s");
            await Task.Delay(200);
        }
    }
}
