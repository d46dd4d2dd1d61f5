using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Faults;

public class QueueFullTests(TinyQueueApp app) : IClassFixture<TinyQueueApp>
{
    [Fact]
    public async Task ABatchThatWouldOverfillTheQueueIsA503WithRetryAfterAndNothingIsStored()
    {
        var county = new CountyRecords(app.ConnectionString);
        var device = await county.VisibleDeviceAsync(0);
        var before = await county.PositionsOfAsync(device);
        var now = TimeProvider.System.GetUtcNow();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await client.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch([.. Enumerable.Range(0, 150).Select(i => Fixes.Item(device, now.AddSeconds(-150 + i), Fixes.InsideLatitude, Fixes.InsideLongitude))]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("queue is full", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await county.PositionsOfAsync(device));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(device, now, Fixes.InsideLatitude, Fixes.InsideLongitude)))).StatusCode);
    }
}
