using System.Net;
using System.Net.Http.Json;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Live;

/// <summary>A wall's picture reload takes every open alert, page by page, however many there are.</summary>
public class OpenAlertPagesTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheReloadPagesPastFiveHundredOpenAlertsWithoutLosingOrRepeatingOne()
    {
        await county.ExecuteAsync($"""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT s.id, r.rule, 'Minor', 'Raised', s.squad_id, now() - (s.id % 7) * interval '1 minute', false
            FROM subjects s CROSS JOIN unnest(ARRAY['{string.Join("','", Enum.GetNames<AlertRule>())}']) AS r(rule)
            ON CONFLICT DO NOTHING
            """);
        var open = await county.CountAsync("SELECT count(*) FROM alerts WHERE state NOT IN ('Resolved', 'Dismissed')");
        Assert.True(open > 500, $"only {open} open alerts");
        using var session = await app.SignInAsync(Roles.Wall);

        var seen = new List<AlertMessage>();
        var page = await session.Client.GetFromJsonAsync<List<AlertMessage>>("/api/v1/alerts?limit=500", Json.Web);
        for (var pages = 1; ; pages++)
        {
            seen.AddRange(page!);
            if (page!.Count < 500)
            {
                Assert.True(pages >= 2);
                break;
            }

            page = await session.Client.GetFromJsonAsync<List<AlertMessage>>($"/api/v1/alerts?limit=500&before={page[^1].AlertId}", Json.Web);
        }

        Assert.Equal(open, seen.Count);
        Assert.Equal(seen.Count, seen.Select(a => a.AlertId).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.AlertId).Select(a => a.AlertId), seen.Select(a => a.AlertId));
    }

    [Fact]
    public async Task APageAfterAnAlertThatDoesNotExistIsA400()
    {
        using var session = await app.SignInAsync(Roles.Wall);

        var response = await session.Client.GetAsync("/api/v1/alerts?before=987654321");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("before", await response.Content.ReadAsStringAsync());
    }
}
