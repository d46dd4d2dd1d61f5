using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommandCenter.Squads;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;

namespace CommandCenter.Tests.Squads;

public class SquadBoardTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private WatchingOfficer officer = default!;

    public async Task InitializeAsync() => officer = await WatchingOfficer.SignInAsync(app);

    public async Task DisposeAsync() => await officer.DisposeAsync();

    private Task<HttpResponseMessage> StepAsync(long alert, string step, string json = "") =>
        officer.Client.PostAsync($"/api/v1/alerts/{alert}/{step}", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<SquadState> SquadAsync(int id) =>
        (await officer.Client.GetFromJsonAsync<List<SquadState>>("/api/v1/squads/", Json.Web))!.Single(s => s.Id == id);

    [Fact]
    public async Task ASquadIsDispatchedThenOnSceneThenFreeAgainAsItsAlertWalks()
    {
        var device = await county.VisibleDeviceAsync(5);
        var squad = await county.ScalarAsync<int>("SELECT id FROM squads ORDER BY id DESC LIMIT 1");
        var alert = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', 'Major', 'Raised', squad_id, now(), false FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId));
        Assert.Equal(SquadStatus.Available, (await SquadAsync(squad)).Status);

        await StepAsync(alert, "acknowledge");
        await StepAsync(alert, "dispatch", $"{{\"squadId\": {squad}}}");
        var dispatched = await SquadAsync(squad);
        Assert.Equal(SquadStatus.Dispatched, dispatched.Status);
        Assert.Equal(device.SubjectCode, dispatched.BusyWith);

        await StepAsync(alert, "on-scene");
        Assert.Equal(SquadStatus.OnScene, (await SquadAsync(squad)).Status);

        await StepAsync(alert, "resolve", "{\"disposition\": \"NoViolation\"}");
        var free = await SquadAsync(squad);
        Assert.Equal(SquadStatus.Available, free.Status);
        Assert.Null(free.BusyWith);
    }

    [Fact]
    public async Task TheSquadWhoseAreaHoldsThePlaceIsSuggestedFirstThenTheNearestFreeOnes()
    {
        var holder = await county.ScalarAsync<int>("SELECT min(id) FROM squads");
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(ST_PointOnSurface(jurisdiction)) FROM squads WHERE id = @id", ("id", holder));
        var lon = await county.ScalarAsync<double>("SELECT ST_X(ST_PointOnSurface(jurisdiction)) FROM squads WHERE id = @id", ("id", holder));

        var suggestions = (await officer.Client.GetFromJsonAsync<List<SquadSuggestion>>($"/api/v1/squads/suggestions?lat={lat}&lon={lon}", Json.Web))!;

        Assert.Equal(holder, suggestions[0].Id);
        Assert.True(suggestions[0].HoldsThePlace);
        Assert.Equal(await county.CountAsync("SELECT count(*) FROM squads"), suggestions.Count);
        var others = suggestions.Skip(1).Where(s => s.Available).Select(s => s.DistanceMeters).ToList();
        Assert.Equal(others.Order(), others);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?lat=95&lon=117")]
    [InlineData("?lat=35&lon=abc")]
    public async Task APlaceThatIsMissingOrOutOfRangeIsA400(string query)
    {
        var response = await officer.Client.GetAsync($"/api/v1/squads/suggestions{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lon", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AReconnectingWallGetsEveryAlertMessageItMissedAndAStaleOneIsToldToReload()
    {
        var before = await officer.Wall.MissedAsync(long.MaxValue - 1, null);
        var device = await county.VisibleDeviceAsync(6);
        var alert = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', 'Major', 'Raised', squad_id, now(), false FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId));
        var acknowledged = await (await StepAsync(alert, "acknowledge")).Content.ReadFromJsonAsync<CommandCenter.Live.AlertMessage>(Json.Web);

        var missed = await officer.Wall.MissedAsync(acknowledged!.Sequence - 1, before.Epoch);
        var stale = await officer.Wall.MissedAsync(0, "an-earlier-start");

        Assert.False(missed.Reset);
        Assert.Equal(acknowledged.Sequence, Assert.Single(missed.Alerts, a => a.AlertId == alert).Sequence);
        Assert.True(stale.Reset);
        Assert.Empty(stale.Alerts);
    }
}
