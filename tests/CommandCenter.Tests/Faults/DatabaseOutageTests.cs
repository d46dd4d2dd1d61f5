using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;
using Npgsql;

namespace CommandCenter.Tests.Faults;

/// <summary>PostgreSQL stopped for 30 seconds under the app (a cluster of the test's own, so no other test notices).</summary>
public class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhileThePostgresServerIsDownIngestAnswers503WithRetryAfterAndThenRecoversByItself()
    {
        await using var cluster = await LocalPostgisCluster.StartAsync();
        var connectionString = await TestDatabaseRoles.CreateDatabaseAsync(cluster.ConnectionString, "outage");
        await using var app = await AppProcess.StartAsync(connectionString, FaultSettings.SmallCounty);
        var county = new CountyRecords(connectionString);
        var device = await county.VisibleDeviceAsync(0);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(40) };
        var clock = TimeProvider.System;
        var firstFix = clock.GetUtcNow().AddSeconds(-2);
        var sent = 0;
        var accepted = 0;
        async Task<HttpResponseMessage> SendAsync()
        {
            var response = await client.PostAsJsonAsync("/api/v1/positions",
                Fixes.Batch(Fixes.Item(device, clock.GetUtcNow().AddSeconds(-1).AddMilliseconds(++sent), Fixes.InsideLatitude, Fixes.InsideLongitude)));
            accepted += response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
            return response;
        }

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync()).StatusCode);

        await cluster.StopServerAsync();
        var during = new List<(HttpStatusCode Status, bool RetryAfter)>();
        var until = clock.GetUtcNow() + Outage;
        while (clock.GetUtcNow() < until)
        {
            var response = await SendAsync();
            during.Add((response.StatusCode, response.Headers.RetryAfter is not null));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
            await Task.Delay(1_000);
        }

        await cluster.StartServerAsync();
        NpgsqlConnection.ClearAllPools();
        var recoveredAfter = clock.GetUtcNow();
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            status = (await SendAsync()).StatusCode;
        }
        while (status != HttpStatusCode.Accepted && clock.GetUtcNow() - recoveredAfter < TimeSpan.FromSeconds(30));

        Assert.True(during.Count >= 10, $"only {during.Count} requests during the outage");
        Assert.All(during, d =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, d.Status);
            Assert.True(d.RetryAfter, "a 503 without Retry-After");
        });
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // Exactly the fixes answered 202 are stored: nothing answered 503 is, before, during or after the outage.
        var stored = await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @d AND fix_time >= @t", ("d", device.DeviceId), ("t", firstFix));
        Assert.Equal(accepted, stored);
    }
}
