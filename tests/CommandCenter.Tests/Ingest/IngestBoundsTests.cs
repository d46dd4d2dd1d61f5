using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.Tests.Hosting;

namespace CommandCenter.Tests.Ingest;

/// <summary>Values no device can mean (NaN, Infinity, control characters) are refused by name and nothing is stored.</summary>
public class IngestBoundsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Theory]
    [InlineData("batt", "NaN")]
    [InlineData("batt", "Infinity")]
    [InlineData("lat", "NaN")]
    [InlineData("lon", "-Infinity")]
    [InlineData("speed", "NaN")]
    public async Task ANonFiniteNumberInTheOsmAndQueryIsRefusedByName(string field, string value)
    {
        var device = await county.VisibleDeviceAsync(40);
        var before = await county.PositionsOfAsync(device);
        var values = new Dictionary<string, string> { ["lat"] = "35.5", ["lon"] = "117.64", ["batt"] = "66", ["speed"] = "1", [field] = value };

        var response = await client.GetAsync($"/osmand?id={device.Serial}&key={Uri.EscapeDataString(device.Key)}&timestamp={Now.AddSeconds(-5).ToUnixTimeSeconds()}&"
            + string.Join('&', values.Select(v => $"{v.Key}={v.Value}")));

        await RequestBoundsTests.AssertFieldRefusedAsync(response, $"osmand.{field}");
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task ANaNBatteryInAnOsmAndFormIsRefusedNotStoredAsEmpty()
    {
        var device = await county.VisibleDeviceAsync(41);
        var before = await county.PositionsOfAsync(device);

        var response = await client.PostAsync("/osmand", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = device.Serial, ["key"] = device.Key, ["lat"] = "35.51", ["lon"] = "117.63", ["batt"] = "NaN",
            ["timestamp"] = Now.AddSeconds(-3).ToString("O"),
        }));

        await RequestBoundsTests.AssertFieldRefusedAsync(response, "osmand.batt");
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task ANaNInTraccarClientsJsonIsRefusedByName()
    {
        var device = await county.VisibleDeviceAsync(42);
        var before = await county.PositionsOfAsync(device);
        var body = $$$"""
            {"location": {"timestamp": "{{{Now.AddSeconds(-2):O}}}", "coords": {"latitude": "NaN", "longitude": 117.62},
                          "battery": {"level": "NaN", "is_charging": false}},
             "device_id": "{{{device.Serial}}}"}
            """;

        var response = await client.PostAsync($"/osmand?key={Uri.EscapeDataString(device.Key)}", new StringContent(body, Encoding.UTF8, "application/json"));

        await RequestBoundsTests.AssertFieldRefusedAsync(response, "location.coords.latitude");
        await RequestBoundsTests.AssertFieldRefusedAsync(response, "location.battery.level");
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task ANulInAnOsmAndSerialIsA400NotARetry()
    {
        var device = await county.VisibleDeviceAsync(43);

        var response = await client.GetAsync($"/osmand?id={device.Serial}%00&key={Uri.EscapeDataString(device.Key)}&lat=35.5&lon=117.64");

        await RequestBoundsTests.AssertFieldRefusedAsync(response, "osmand.device");
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u001b[2J")]
    [InlineData("\n")]
    public async Task AControlCharacterInAPostedSerialIsA400NotARetry(string control)
    {
        var device = await county.VisibleDeviceAsync(44);
        var before = await county.PositionsOfAsync(device);
        var good = Fixes.Item(device, Now.AddSeconds(-5), Fixes.InsideLatitude, Fixes.InsideLongitude);
        var bad = Fixes.Item(device with { Serial = device.Serial + control }, Now.AddSeconds(-4), Fixes.InsideLatitude, Fixes.InsideLongitude);

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(good, bad));

        await RequestBoundsTests.AssertFieldRefusedAsync(response, "positions[1].device");
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }
}
