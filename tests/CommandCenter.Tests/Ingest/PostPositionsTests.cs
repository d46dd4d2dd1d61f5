using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Ingest;

public class PostPositionsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task AFixInsideTheCountyIsStoredAndBecomesTheLatestPosition()
    {
        var device = await county.VisibleDeviceAsync(0);
        var before = await county.PositionsOfAsync(device);
        var time = Now.AddSeconds(-5);

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, time, 35.50, 117.64)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(before + 1, await county.PositionsOfAsync(device));
        var latest = await county.ScalarAsync<DateTime>("SELECT fix_time FROM latest_positions WHERE subject_id = @id", ("id", device.SubjectId));
        Assert.Equal(time.UtcDateTime, latest, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task AResentFixIsStoredOnce()
    {
        var device = await county.VisibleDeviceAsync(1);
        var before = await county.PositionsOfAsync(device);
        var fix = Fixes.Item(device, Now.AddSeconds(-30), 35.51, 117.65);

        await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(fix, fix));
        var again = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(fix));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.Equal(before + 1, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task AWrongKeyRefusesTheWholeBatchWith401AndStoresNothing()
    {
        var device = await county.VisibleDeviceAsync(2);
        var before = await county.PositionsOfAsync(device);
        var good = Fixes.Item(device, Now.AddSeconds(-20), 35.5, 117.6);
        var forged = Fixes.Item(device, Now.AddSeconds(-10), 35.5, 117.6, key: "not-the-key");

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(good, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("positions[1].device", out _));
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task AnUnknownDeviceIsRefusedWith401NamingTheItem()
    {
        var ghost = new TestDevice(0, "NO-SUCH-DEVICE", "key", 0, "none");

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(ghost, Now, 35.5, 117.6)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("NO-SUCH-DEVICE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OneInvalidItemRefusesTheBatchWith400NamingItAndStoresNothing()
    {
        var device = await county.VisibleDeviceAsync(3);
        var before = await county.PositionsOfAsync(device);
        var good = Fixes.Item(device, Now.AddSeconds(-20), 35.5, 117.6);
        var bad = Fixes.Item(device, Now.AddSeconds(-10), 95.0, 117.6);

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(good, bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("positions[1].lat", out _));
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Fact]
    public async Task AFixFromTheFutureIsRefusedWith400()
    {
        var device = await county.VisibleDeviceAsync(4);
        var before = await county.PositionsOfAsync(device);

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, Now.AddMinutes(10), 35.5, 117.6)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("positions[0].time", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"positions\": \"many\"}")]
    [InlineData("{\"positions\": []}")]
    [InlineData("{\"positions\": [{\"device\": \"x\", \"lat\": \"north\"}]}")]
    [InlineData("{\"positions\": [{\"device\": \"x\", \"lat\": NaN}]}")]
    [InlineData("{\"positions\": [{\"device\": \"x\", \"latitude\": 35.5}]}")]
    [InlineData("{\"positions\": [{\"device\": \"x\", \"time\": \"yesterday\"}]}")]
    [InlineData("{\"items\": []}")]
    public async Task AMalformedBodyIsA400WithAMessageNeverA500(string body)
    {
        var response = await client.PostAsync("/api/v1/positions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ABodyOverTheSizeLimitIs413()
    {
        var body = "{\"positions\": [" + string.Join(",", Enumerable.Repeat("{\"device\": \"" + new string('x', 60) + "\", \"lat\": 35.5, \"lon\": 117.6}", 12_000)) + "]}";

        var response = await client.PostAsync("/api/v1/positions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        var response = await client.PostAsync("/api/v1/positions", new StringContent("lat=35&lon=117", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task MoreFixesThanTheLimitIs413()
    {
        var device = await county.VisibleDeviceAsync(5);
        var before = await county.PositionsOfAsync(device);
        var items = Enumerable.Range(0, 1001).Select(i => Fixes.Item(device, Now.AddSeconds(-i - 1), 35.5, 117.6)).ToArray();

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(items));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await county.PositionsOfAsync(device));
    }
}
