using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Ingest;

public class OsmAndTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task TraccarClientsQueryFormIsStoredAndAnswered200()
    {
        var device = await county.VisibleDeviceAsync(30);
        var before = await county.PositionsOfAsync(device);
        var timestamp = Now.AddSeconds(-5).ToUnixTimeMilliseconds();

        var response = await client.GetAsync($"/osmand?id={device.Serial}&key={Uri.EscapeDataString(device.Key)}&lat=35.5&lon=117.64&timestamp={timestamp}&speed=5.4&batt=66&altitude=90");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await county.PositionsOfAsync(device));
        Assert.Equal(10.0, await county.ScalarAsync<double>("SELECT speed_kmh FROM positions WHERE device_id = @id ORDER BY fix_time DESC LIMIT 1", ("id", device.DeviceId)), 0);
    }

    [Fact]
    public async Task AFormPostIsReadLikeTheQuery()
    {
        var device = await county.VisibleDeviceAsync(31);
        var before = await county.PositionsOfAsync(device);

        var response = await client.PostAsync("/osmand", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = device.Serial,
            ["key"] = device.Key,
            ["lat"] = "35.51",
            ["lon"] = "117.63",
            ["timestamp"] = Now.AddSeconds(-3).ToString("O"),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task TraccarClient9sJsonIsStoredWithTheKeyInTheUrl()
    {
        var device = await county.VisibleDeviceAsync(32);
        var before = await county.PositionsOfAsync(device);
        var body = $$$"""
            {"location": {"timestamp": "{{{Now.AddSeconds(-2):O}}}", "coords": {"latitude": 35.52, "longitude": 117.62, "accuracy": 6, "speed": 1, "heading": 270},
                          "is_moving": true, "battery": {"level": 0.5, "is_charging": true}, "activity": {"type": "walking"}},
             "device_id": "{{{device.Serial}}}"}
            """;

        var response = await client.PostAsync($"/osmand?key={Uri.EscapeDataString(device.Key)}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await county.PositionsOfAsync(device));
        Assert.Equal(50, await county.ScalarAsync<int>("SELECT battery_percent FROM positions WHERE device_id = @id ORDER BY fix_time DESC LIMIT 1", ("id", device.DeviceId)));
    }

    [Fact]
    public async Task AnUnknownDeviceIsRefusedWith401AndNothingIsStored()
    {
        var before = await county.CountAsync("SELECT count(*) FROM positions");

        var response = await client.GetAsync("/osmand?id=NOBODY-1&key=x&lat=35.5&lon=117.6");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM positions"));
    }

    [Theory]
    [InlineData("/osmand?id=X&key=k&lat=north&lon=117.6", "osmand.lat")]
    [InlineData("/osmand?id=X&key=k&lat=95&lon=117.6", "osmand.lat")]
    [InlineData("/osmand?id=X&key=k&lat=NaN&lon=117.6", "osmand.lat")]
    [InlineData("/osmand?id=X&lat=35.5&lon=117.6", "osmand.key")]
    [InlineData("/osmand?lat=35.5&lon=117.6", "osmand.device")]
    public async Task ABrokenQueryIsA400NamingTheParameter(string url, string field)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"location\": 5, \"device_id\": \"x\"}")]
    [InlineData("{\"location\": {\"coords\": {\"latitude\": true}}, \"device_id\": \"x\"}")]
    public async Task BrokenJsonIsA400NeverA500(string body)
    {
        var response = await client.PostAsync("/osmand?key=k", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
