using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;

namespace CommandCenter.EndToEnd.Tests.Devices;

/// <summary>Alerts raised the way a device raises them: fixes posted to the ingest API of the app at <paramref name="address"/>.</summary>
public sealed class ViolatingFixes(Uri address, string connectionString)
{
    private readonly CountyRecords county = new(connectionString);

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
        using var client = new HttpClient { BaseAddress = address };
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(fixes));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<long> AlertOfAsync(TestDevice device, string rule) => county.ScalarAsync<long>(
        "SELECT id FROM alerts WHERE subject_id = @s AND rule = @rule ORDER BY id DESC LIMIT 1", ("s", device.SubjectId), ("rule", rule));
}
