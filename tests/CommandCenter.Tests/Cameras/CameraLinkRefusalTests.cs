using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Cameras;

public class CameraLinkRefusalTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Theory]
    [InlineData("http://media.example/rtp/{device}_{channelId}/hls.m3u8", "{device}")]
    [InlineData("ftp://media.example/live.m3u8", "ftp://media.example/live.m3u8")]
    [InlineData("javascript:alert(1)", "javascript:alert(1)")]
    [InlineData("//evil.example/live.m3u8", "//evil.example/live.m3u8")]
    public async Task ABadStreamLinkIsA400NamingItAndNothingIsStored(string link, string named)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var code = "CAM-L" + Random.Shared.Next(1000, 9999);

        var response = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code, name = "模板测试", latitude = 35.5, longitude = 117.6, streamUrl = link });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(named, errors.GetProperty("streamUrl")[0].GetString());
        Assert.Equal(0, await county.CountAsync($"SELECT count(*) FROM cameras WHERE code = '{code}'"));
    }

    [Fact]
    public async Task ADeviceAndChannelTemplateNeedsACodeThatCarriesBoth()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        const string template = "http://media.example/rtp/{deviceId}_{channelId}/hls.m3u8";

        var refused = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "CAM-NOCHANNEL", name = "国标", latitude = 35.5, longitude = 117.6, streamUrl = template });
        var accepted = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "3402000000_1310000001", name = "国标", latitude = 35.5, longitude = 117.6, streamUrl = template });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("CAM-NOCHANNEL", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(template, await county.ScalarAsync<string>("SELECT stream_url FROM cameras WHERE code = '3402000000_1310000001'"));
    }

    [Fact]
    public async Task APlatformCameraCodedWithTwentyDigitDeviceAndChannelCodesIsKeptWholeAndALongerCodeIsRefused()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        const string template = "http://media.example/rtp/{deviceId}_{channelId}/hls.m3u8";
        var code = $"34020000001320{Random.Shared.Next(100_000, 999_999)}_34020000001310000001";
        var tooLong = new string('7', 65);

        var accepted = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code, name = "国标全码", latitude = 35.5, longitude = 117.6, streamUrl = template });
        var refused = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = tooLong, name = "过长", latitude = 35.5, longitude = 117.6 });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(code, await county.ScalarAsync<string>($"SELECT code FROM cameras WHERE code = '{code}'"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("64", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await county.CountAsync($"SELECT count(*) FROM cameras WHERE code = '{tooLong}'"));
    }
}
