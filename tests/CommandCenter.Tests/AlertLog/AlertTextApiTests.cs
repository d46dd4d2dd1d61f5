using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.AlertLog;

public class AlertTextApiTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task TheAlertsApiAnswersTheRulesWordsInTheCallersLanguage()
    {
        var county = new CountyRecords(app.ConnectionString);
        var device = await county.VisibleDeviceAsync(4);
        var id = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared, detail_key, detail_args)
            SELECT id, 'LowBattery', 'Warning', 'Raised', squad_id, now(), false, 'AlertDetail.LowBattery', '["12"]'::jsonb FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId));
        await county.ScalarAsync<int>("""
            INSERT INTO alert_events (alert_id, kind, at, actor, note_key, note_args)
            VALUES (@id, 'Escalated', now(), 'system', 'AlertDetail.Escalated', '["3"]'::jsonb) RETURNING 1
            """, ("id", id));
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var english = await DetailsAsync(session.Client, id, "en");
        var chinese = await DetailsAsync(session.Client, id, "zh-CN");

        Assert.Equal("Battery 12%", english.GetProperty("alert").GetProperty("detail").GetString());
        Assert.Equal("电量 12%", chinese.GetProperty("alert").GetProperty("detail").GetString());
        Assert.Equal("AlertDetail.LowBattery", english.GetProperty("alert").GetProperty("detailKey").GetString());
        Assert.Equal("Not acknowledged within 3 minutes", english.GetProperty("events")[0].GetProperty("note").GetString());
        Assert.Equal("未在 3 分钟内确认", chinese.GetProperty("events")[0].GetProperty("note").GetString());
    }

    private static async Task<JsonElement> DetailsAsync(HttpClient client, long id, string language)
    {
        // The hall works in Chinese whatever the browser says; an explicit choice (query or cookie) switches.
        using var response = await client.GetAsync($"/api/v1/alerts/{id}?culture={language}&ui-culture={language}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
