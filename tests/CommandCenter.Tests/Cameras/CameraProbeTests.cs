using System.Net;
using System.Net.Http.Json;
using CommandCenter.Cameras;
using CommandCenter.Security;
using CommandCenter.TestSupport.Video;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Cameras;

/// <summary>The measured camera state against a real ffmpeg stream on loopback, probed every second.</summary>
public class CameraProbeTests(LiveVideoApp app) : IClassFixture<LiveVideoApp>
{
    [Fact]
    public async Task AStreamThatAnswersIsLiveAndOneThatStopsHasNoSignalSinceItsFirstFailedProbe()
    {
        await app.Streams.StartAsync("probe-a");
        var id = await AddCameraAsync("CAM-PA", app.Streams.StreamUrl("probe-a"), app.Streams.SnapshotUrl("probe-a"));
        var signals = app.Services.GetRequiredService<CameraSignals>();

        await WaitForAsync(() => signals.Of(id) is { Live: true });
        var stoppedAt = TimeProvider.System.GetUtcNow();
        await app.Streams.StopAsync("probe-a");
        await WaitForAsync(() => signals.Of(id) is { Live: false });

        var lost = signals.Of(id)!;
        Assert.NotNull(lost.LostAt);
        Assert.InRange(lost.LostAt!.Value, stoppedAt, stoppedAt.AddSeconds(5));
        await Task.Delay(2_500);
        Assert.Equal(lost.LostAt, signals.Of(id)!.LostAt);
    }

    [Fact]
    public async Task ALinkThatAnswersWithSomethingElseThanAPlaylistHasNoSignal()
    {
        // The app's own sign-in page: a 200 with HTML, as a platform's login redirect would give.
        var id = await AddCameraAsync("CAM-PB", new Uri(app.BaseAddress, "/login").ToString(), null);
        var signals = app.Services.GetRequiredService<CameraSignals>();

        await WaitForAsync(() => signals.Of(id) is not null);

        Assert.False(signals.Of(id)!.Live);
    }

    [Fact]
    public async Task TheContentSecurityPolicyLetsThePlatformsOriginServeMediaAndNothingWider()
    {
        using var anyone = new HttpClient { BaseAddress = app.BaseAddress };

        var policy = (await anyone.GetAsync("/login")).Headers.GetValues("Content-Security-Policy").Single();

        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        foreach (var directive in (string[])["media-src", "img-src", "connect-src"])
        {
            Assert.Contains(app.Streams.Origin, directives[directive]);
        }

        Assert.DoesNotContain(app.Streams.Origin, directives["script-src"]);
        Assert.DoesNotContain(directives.Values.SelectMany(sources => sources), source => source is "*" or "http:" or "https:" || source.Contains("*.", StringComparison.Ordinal));
    }

    private async Task<int> AddCameraAsync(string code, string stream, string? snapshot)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var response = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code, name = "探测测试", latitude = 35.5, longitude = 117.6, streamUrl = stream, snapshotUrl = snapshot });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cameras = await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/");
        return cameras!.Single(c => c.Code == code).Id;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the probe did not see the change within 15 s");
            await Task.Delay(100);
        }
    }
}
