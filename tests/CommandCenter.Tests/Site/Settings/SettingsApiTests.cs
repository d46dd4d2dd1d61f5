using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using CommandCenter.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Site.Settings;

public class SettingsApiTests(SmallCountyApp app) : SignedInTest(Roles.Commander), IClassFixture<SmallCountyApp>
{
    protected override CommandCenterApp Host => app;

    private AlertOptions Alerts => app.Services.GetRequiredService<IOptionsMonitor<AlertOptions>>().CurrentValue;

    [Fact]
    public async Task EachSettingShowsItsDefaultItsStoredValueAndTheValueInForce()
    {
        var view = await SettingsClient.ReadAsync(Client);

        var bracelet = SettingsClient.Setting(view, "Alerts:OfflineAfter:Bracelet");
        Assert.Equal("00:15:00", bracelet.GetProperty("default").GetString());
        Assert.Equal("Duration", bracelet.GetProperty("kind").GetString());
        Assert.Equal("Critical", SettingsClient.Setting(view, "Alerts:Severities:ZoneExit").GetProperty("value").GetString());
        Assert.Equal("17:00:00", SettingsClient.Setting(view, "CheckIns:DueBy").GetProperty("default").GetString());
        Assert.Equal("true", SettingsClient.Setting(view, "Wall:Chime:Enabled").GetProperty("value").GetString());
    }

    [Fact]
    public async Task TheSettingsApiIsDescribedInOpenApi()
    {
        var paths = (await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/site/settings", out var path) || paths.TryGetProperty("/api/v1/site/settings/", out path), "the settings path is described");
        Assert.True(path.TryGetProperty("get", out _));
        Assert.True(path.TryGetProperty("put", out var put));
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task TheBrigadesNameAndTheDayItsRecordCountsFromAreSettingsTheScreensFollow()
    {
        var version = (await SettingsClient.ReadAsync(Client)).GetProperty("version").GetInt32();
        var changed = await SettingsClient.ChangeAsync(Client, version, new()
        {
            ["Site:BrigadeName"] = "<b>测试县</b>社区矫正大队",
            ["Site:BrigadeFoundedOn"] = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // No 脱管/漏管 is recorded in this county, so the days count from the set day.
        var panel = await Client.GetFromJsonAsync<JsonElement>("/api/v1/kpi/panels/no-loss");
        Assert.Contains(panel.GetProperty("figures").EnumerateArray(), f => f.GetProperty("value").GetString() == "2024-01-01");
        // A name is text: markup in it is shown as written, never as markup.
        var page = await Client.GetStringAsync("/subjects");
        Assert.Contains("&lt;b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);

        var reset = await SettingsClient.ChangeAsync(Client, version + 1, new() { ["Site:BrigadeName"] = null, ["Site:BrigadeFoundedOn"] = null });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
    }

    [Theory]
    [InlineData("Alerts:ConfirmationFixes", "0")]
    [InlineData("Alerts:ConfirmationFixes", "two")]
    [InlineData("Alerts:DwellTime", "02:00:00")]
    [InlineData("Alerts:DwellTime", "soon")]
    [InlineData("Alerts:BatteryRecoveredPercent", "10")]
    [InlineData("Alerts:OfflineAfter:Phone", "-00:05:00")]
    [InlineData("Alerts:OfflineAfterByRisk:Bracelet:Low", "00:00:00")]
    [InlineData("Alerts:EscalateAfter:Critical", "00:00:00")]
    [InlineData("Alerts:Severities:Offline", "Loud")]
    [InlineData("CheckIns:IntervalDays", "400")]
    [InlineData("CheckIns:DueBy", "25:00")]
    [InlineData("Wall:Chime:Volume", "0")]
    [InlineData("Wall:Chime:Enabled", "maybe")]
    [InlineData("Alerts:MaxPageSize", "10")]
    [InlineData("Site:BrigadeName", "  ")]
    [InlineData("Site:BrigadeName", "平邑县社区矫正大队平邑县社区矫正大队平邑县社区矫正大队平邑县社区矫正大队平邑县社区矫正大队")]
    [InlineData("Site:BrigadeName", "平邑县\n社区矫正大队")]
    [InlineData("Site:TimeZone", "UTC")]
    [InlineData("Site:BrigadeFoundedOn", "2020/7/1")]
    public async Task AnInvalidValueIsA400NamingTheSettingAndNothingIsStored(string key, string value)
    {
        var before = await SettingsClient.ReadAsync(Client);
        var audited = (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged)).Count;

        // A valid change alongside must not be stored either: a change is all or nothing.
        var response = await SettingsClient.ChangeAsync(Client, before.GetProperty("version").GetInt32(), new()
        {
            [key] = value,
            ["Alerts:LowBatteryPercent"] = "15",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), $"the errors name {key}: {problem}");
        var after = await SettingsClient.ReadAsync(Client);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(20, Alerts.LowBatteryPercent);
        Assert.Equal(audited, (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged)).Count);
    }

    [Fact]
    public async Task AChangeMadeFromAnOlderVersionIsRefusedWith409AndNothingIsStored()
    {
        var version = await SettingsClient.VersionAsync(Client);
        Assert.Equal(HttpStatusCode.OK, (await SettingsClient.ChangeAsync(Client, version, new() { ["Alerts:DwellTime"] = "00:01:30" })).StatusCode);

        var stale = await SettingsClient.ChangeAsync(Client, version, new() { ["Alerts:DwellTime"] = "00:00:45" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True((await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(TimeSpan.FromSeconds(90), Alerts.DwellTime);
        Assert.Equal("00:01:30", SettingsClient.Setting(await SettingsClient.ReadAsync(Client), "Alerts:DwellTime").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData(Roles.DutyOfficer)]
    [InlineData(Roles.SquadLeader)]
    public async Task OnlyTheCommanderReadsOrChangesTheSettings(string role)
    {
        using var session = await app.SignInAsync(role);
        var version = await SettingsClient.VersionAsync(Client);

        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(SettingsClient.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SettingsClient.ChangeAsync(session.Client, version, new() { ["Alerts:ConfirmationFixes"] = "5" })).StatusCode);
        Assert.NotEqual(5, Alerts.ConfirmationFixes);
        Assert.Equal(version, await SettingsClient.VersionAsync(Client));
    }

    [Fact]
    public async Task TheAuditEntryNamesEachSettingWithItsOldAndNewValue()
    {
        var response = await SettingsClient.ChangeAsync(Client, new()
        {
            ["Alerts:OfflineAfter:Bracelet"] = "00:05:00",
            ["Alerts:Severities:LowBattery"] = "Minor",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged)).Last();
        Assert.Contains("Alerts:OfflineAfter:Bracelet: 00:15:00 -> 00:05:00", entry.Detail);
        Assert.Contains("Alerts:Severities:LowBattery: Warning -> Minor", entry.Detail);
        Assert.StartsWith(Roles.Commander, entry.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResetSettingReturnsToItsDefaultAndTheAuditSaysSo()
    {
        Assert.Equal(HttpStatusCode.OK, (await SettingsClient.ChangeAsync(Client, new() { ["Alerts:EscalateAfter:Major"] = "00:09:00" })).StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(9), Alerts.EscalateAfter[AlertSeverity.Major]);

        var reset = await SettingsClient.ChangeAsync(Client, new() { ["Alerts:EscalateAfter:Major"] = null });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var setting = SettingsClient.Setting(await reset.Content.ReadFromJsonAsync<JsonElement>(), "Alerts:EscalateAfter:Major");
        Assert.Equal(JsonValueKind.Null, setting.GetProperty("stored").ValueKind);
        Assert.Equal("00:05:00", setting.GetProperty("value").GetString());
        Assert.Equal(TimeSpan.FromMinutes(5), Alerts.EscalateAfter[AlertSeverity.Major]);
        var entry = (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged)).Last();
        Assert.Contains("Alerts:EscalateAfter:Major: 00:09:00 -> 00:05:00 (default)", entry.Detail);
    }

    [Fact]
    public async Task AShorterEscalationWaitEscalatesAnAlertThatWasNotYetDue()
    {
        var county = new TestSupport.Data.CountyRecords(app.ConnectionString);
        var device = await county.VisibleDeviceAsync(11);
        var alertId = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Curfew', 'Minor', 'Raised', squad_id, now() - interval '3 minutes', false FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId));
        var escalation = app.Services.GetRequiredService<AlertEscalation>();
        Assert.DoesNotContain(alertId, await escalation.EscalateAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, (await SettingsClient.ChangeAsync(Client, new() { ["Alerts:EscalateAfter:Minor"] = "00:01:00" })).StatusCode);

        // The background check may get there first; either way the alert is escalated by the new wait.
        await escalation.EscalateAsync(CancellationToken.None);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE id = @id AND escalated_at IS NOT NULL", ("id", alertId)));
    }

    [Fact]
    public async Task NewCheckInSchedulesAndTheWallsChimeTakeTheChangedDefaultsAtOnce()
    {
        Assert.Equal(HttpStatusCode.OK, (await SettingsClient.ChangeAsync(Client, new()
        {
            ["CheckIns:IntervalDays"] = "14",
            ["CheckIns:DueBy"] = "11:30",
            ["Wall:Chime:Enabled"] = "false",
            ["Wall:Chime:Volume"] = "80",
        })).StatusCode);

        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        var schedule = await officer.Client.PutAsJsonAsync("/api/v1/subjects/3/check-in-schedule", new { firstDue = "2026-12-20" });
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        var stored = await schedule.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(14, stored.GetProperty("intervalDays").GetInt32());
        Assert.Equal("11:30:00", stored.GetProperty("dueBy").GetString());
        var chime = app.Services.GetRequiredService<IOptionsMonitor<ChimeOptions>>().CurrentValue;
        Assert.False(chime.Enabled);
        Assert.Equal(80, chime.Volume);
        Assert.Equal(14, app.Services.GetRequiredService<IOptionsMonitor<CheckInOptions>>().CurrentValue.IntervalDays);
    }
}
