using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>The wall as the tests drive it: signed in as the wall account, and alerts raised through the ingest API.</summary>
public sealed class WallScreen(CommandCenterApp app)
{
    private readonly CountyRecords county = new(app.ConnectionString);

    /// <summary>Opens the wall at <paramref name="address"/> (the app, or a relay in front of it) and waits for the map.</summary>
    public async Task<IPage> OpenAsync(Chromium chromium, int width, int height, Uri? address = null)
    {
        address ??= app.BaseAddress;
        var page = await chromium.NewPageAsync(width, height);
        var wall = await TestUsers.CreateAsync(app.Services, Roles.Wall);
        await BlazorPage.SignInAsync(page, address, wall);
        await BlazorPage.OpenAsync(page, address);
        await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// Two fixes beyond the county confirm an exit (one alone is a pending crossing: GPS drift, maybe). Answers
    /// the device and the id of the alert, which is committed by the time the API answers.
    /// </summary>
    public async Task<(TestDevice Device, long AlertId)> RaiseExitAsync(int deviceIndex)
    {
        var device = await county.VisibleDeviceAsync(deviceIndex);
        var now = TimeProvider.System.GetUtcNow();
        await PostFixesAsync(
            Fixes.Item(device, now.AddSeconds(-1), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, now, Fixes.OutsideLatitude, Fixes.OutsideLongitude));
        return (device, await AlertOfAsync(device, "ZoneExit"));
    }

    /// <summary>A low battery off the charger: an alert of the lowest severity.</summary>
    public async Task<(TestDevice Device, long AlertId)> RaiseLowBatteryAsync(int deviceIndex)
    {
        var device = await county.VisibleDeviceAsync(deviceIndex);
        await PostFixesAsync(Fixes.Item(device, TimeProvider.System.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude, battery: 8, charging: false));
        return (device, await AlertOfAsync(device, "LowBattery"));
    }

    private async Task PostFixesAsync(params object[] fixes)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(fixes));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<long> AlertOfAsync(TestDevice device, string rule) => county.ScalarAsync<long>(
        "SELECT id FROM alerts WHERE subject_id = @s AND rule = @rule ORDER BY id DESC LIMIT 1", ("s", device.SubjectId), ("rule", rule));
}
