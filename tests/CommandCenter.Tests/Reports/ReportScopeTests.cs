using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;

namespace CommandCenter.Tests.Reports;

/// <summary>A squad leader's reports hold only their squad, and another squad's id is refused, not answered.</summary>
public class ReportScopeTests(KnownDutyDayApp app) : IClassFixture<KnownDutyDayApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<HttpClient> LeaderOfAsync(int squad) => (await app.SignInAsync(Roles.SquadLeader, squad)).Client;

    [Fact]
    public async Task ASquadLeadersDutyReportHoldsOnlyTheirSquad()
    {
        using var leader = await LeaderOfAsync(app.Squad2);

        var report = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reports/duty?date=2026-03-10");

        Assert.Equal("二中队", report.GetProperty("squadName").GetString());
        Assert.Equal([app.Alerts[4], app.Alerts[5]], report.GetProperty("raised").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal([app.Alerts[4]], report.GetProperty("openAtHandOver").EnumerateArray().Select(o => o.GetProperty("alert").GetProperty("id").GetInt64()));
        Assert.Equal(0, report.GetProperty("checkIns").GetArrayLength());
        Assert.Equal(0, report.GetProperty("permits").GetArrayLength());
        Assert.Equal(0, report.GetProperty("ordersExpiring").GetArrayLength());
    }

    [Fact]
    public async Task ASquadLeadersRegisterHoldsOnlyTheirSquad()
    {
        using var leader = await LeaderOfAsync(app.Squad2);

        var page = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reports/alerts?from=2026-03-01&to=2026-03-11");
        var own = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?from=2026-03-01&to=2026-03-11&squad={app.Squad2}");

        Assert.Equal([app.Alerts[5], app.Alerts[4]], page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(2, own.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/reports/duty?date=2026-03-10&squad={0}")]
    [InlineData("/api/v1/reports/duty/export?date=2026-03-10&squad={0}")]
    [InlineData("/api/v1/reports/alerts?squad={0}")]
    [InlineData("/api/v1/reports/alerts/export?squad={0}")]
    public async Task AnotherSquadsIdIsRefusedAndNothingIsExported(string path)
    {
        using var leader = await LeaderOfAsync(app.Squad2);
        var exports = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'export'");

        var response = await leader.GetAsync(string.Format(path, app.Squad1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"squad {app.Squad1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(exports, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'export'"));
    }

    [Fact]
    public async Task AnUnauthenticatedCallGetsNothing()
    {
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await anonymous.GetAsync("/api/v1/reports/alerts/export?from=2026-03-01");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
