using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Live;

/// <summary>
/// A wall opened for one squad's area (/hubs/wall?squad=id) is sent that squad's positions and alerts and
/// nothing of the others', over a real hub connection; a region the viewer may not see is refused, not emptied.
/// </summary>
public class RegionWallTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient devices = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task ARegionWallHearsItsSquadsPositionsAndAlertsAndNoneOfAnotherSquads()
    {
        var (ours, theirs) = await TwoSquadsAsync(0);
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        await using var region = await WallListener.ConnectAsync(app.BaseAddress, officer.Cookies, ours.Squad.ToString());
        await using var county = await WallListener.ConnectAsync(app.BaseAddress, officer.Cookies);

        // The other squad's first, so that anything of theirs would reach the region wall before ours does.
        await RaiseExitAsync(theirs.Device);
        await RaiseExitAsync(ours.Device);

        var leaked = new List<int>();
        var alert = await region.AlertRaisedAsync(a => Note(leaked, a.SquadId, ours.Squad) && a.SubjectId == ours.Device.SubjectId);
        Assert.Equal(ours.Squad, alert.SquadId);
        await region.PositionAsync(p => Note(leaked, p.SquadId, ours.Squad) && p.SubjectId == ours.Device.SubjectId);
        Assert.Empty(leaked);
        Assert.False(await region.HearsAlertRaisedAsync(a => a.SquadId != ours.Squad, TimeSpan.FromSeconds(1)), "the region wall heard another squad's alert");
        Assert.False(await region.HearsPositionAsync(p => p.SquadId != ours.Squad, TimeSpan.FromSeconds(1)), "the region wall was sent another squad's position");

        // The other squad's alert and position were sent: the county wall hears them.
        await county.AlertRaisedAsync(a => a.SubjectId == theirs.Device.SubjectId);
        await county.PositionAsync(p => p.SubjectId == theirs.Device.SubjectId);
    }

    [Fact]
    public async Task ARegionWallThatWasAwayIsReplayedOnlyItsSquadsAlerts()
    {
        var (ours, theirs) = await TwoSquadsAsync(4);
        var feed = app.Services.GetRequiredService<LiveFeed>();
        var mark = feed.LastSequence;
        using var officer = await app.SignInAsync(Roles.Commander);

        await RaiseExitAsync(theirs.Device);
        await RaiseExitAsync(ours.Device);

        await using var region = await WallListener.ConnectAsync(app.BaseAddress, officer.Cookies, ours.Squad.ToString());
        var replay = await region.MissedAsync(mark, feed.Epoch);
        Assert.False(replay.Reset);
        Assert.Contains(replay.Alerts, a => a.SubjectId == ours.Device.SubjectId);
        Assert.All(replay.Alerts, a => Assert.Equal(ours.Squad, a.SquadId));

        await using var whole = await WallListener.ConnectAsync(app.BaseAddress, officer.Cookies);
        Assert.Contains((await whole.MissedAsync(mark, feed.Epoch)).Alerts, a => a.SubjectId == theirs.Device.SubjectId);
    }

    [Fact]
    public async Task ASquadLeaderAskingForAnotherSquadsRegionIsRefusedAndHearsNothingOfIt()
    {
        var (ours, theirs) = await TwoSquadsAsync(8);
        using var leader = await app.SignInAsync(Roles.SquadLeader, ours.Squad);
        await using var forged = await WallListener.ConnectAsync(app.BaseAddress, leader.Cookies, theirs.Squad.ToString());

        var reason = await forged.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains(nameof(CommandCenter.Security.Regions.RegionRefusal.Forbidden), reason?.Message);
        await RaiseExitAsync(theirs.Device);
        Assert.False(await forged.HearsAlertRaisedAsync(_ => true, TimeSpan.FromSeconds(1)));

        // Their own region opens as their own wall does.
        await using var own = await WallListener.ConnectAsync(app.BaseAddress, leader.Cookies, ours.Squad.ToString());
        await RaiseExitAsync(ours.Device);
        Assert.Equal(ours.Squad, (await own.AlertRaisedAsync(a => a.SubjectId == ours.Device.SubjectId)).SquadId);
    }

    [Theory]
    [InlineData("999999", "Unknown")]
    [InlineData("0", "NotAnId")]
    [InlineData("-3", "NotAnId")]
    [InlineData("1 OR 1=1", "NotAnId")]
    [InlineData("<b>城区</b>", "NotAnId")]
    [InlineData("99999999999999999999999999999999", "NotAnId")]
    public async Task ARegionThatIsNoSquadInServiceClosesTheConnectionWithTheReason(string region, string refusal)
    {
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        await using var wall = await WallListener.ConnectAsync(app.BaseAddress, officer.Cookies, region);

        var reason = await wall.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.IsType<HubException>(reason);
        Assert.Contains(refusal, reason.Message);
    }

    [Fact]
    public async Task TheMapsFirstPaintOfARegionHoldsOnlyItsSquad()
    {
        var (ours, _) = await TwoSquadsAsync(12);
        using var officer = await app.SignInAsync(Roles.DutyOfficer);

        var positions = await officer.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/map/positions?squad={ours.Squad}");
        var everyone = await officer.Client.GetFromJsonAsync<List<JsonElement>>("/api/v1/map/positions");
        Assert.NotEmpty(positions!);
        Assert.All(positions!, p => Assert.Equal(ours.Squad, p.GetProperty("squadId").GetInt32()));
        Assert.Equal(everyone!.Count(p => p.GetProperty("squadId").GetInt32() == ours.Squad), positions!.Count);

        await RaiseExitAsync(ours.Device);
        var alerts = await officer.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/alerts?limit=500&squad={ours.Squad}");
        Assert.Contains(alerts!, a => a.GetProperty("subjectId").GetInt32() == ours.Device.SubjectId);
        Assert.All(alerts!, a => Assert.Equal(ours.Squad, a.GetProperty("squadId").GetInt32()));
    }

    [Theory]
    [InlineData("/api/v1/map/positions")]
    [InlineData("/api/v1/alerts")]
    public async Task TheMapsApisRefuseARegionTheyCannotGiveNamingWhy(string path)
    {
        var (ours, theirs) = await TwoSquadsAsync(16);
        using var leader = await app.SignInAsync(Roles.SquadLeader, ours.Squad);
        using var officer = await app.SignInAsync(Roles.DutyOfficer);

        await AssertProblemAsync(leader.Client, $"{path}?squad={theirs.Squad}", HttpStatusCode.Forbidden, "Not your squad");
        await AssertProblemAsync(leader.Client, $"{path}?squad=999999", HttpStatusCode.Forbidden, "Not your squad");
        await AssertProblemAsync(officer.Client, $"{path}?squad=999999", HttpStatusCode.NotFound, "No such squad");
        await AssertProblemAsync(officer.Client, $"{path}?squad=%3Cscript%3E", HttpStatusCode.BadRequest, "not a squad's id");
        await AssertProblemAsync(officer.Client, $"{path}?squad={new string('9', 400)}", HttpStatusCode.BadRequest, "not a squad's id");
        Assert.Equal(HttpStatusCode.OK, (await leader.Client.GetAsync($"{path}?squad={ours.Squad}")).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpClient client, string path, HttpStatusCode status, string title)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(title, problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("detail").GetString()!.Length < 200, "the answer repeats an over-long value whole");
    }

    // Records a message of another squad than the region's, and passes everything on to the match.
    private static bool Note(List<int> leaked, int squad, int region)
    {
        if (squad != region)
        {
            leaked.Add(squad);
        }

        return true;
    }

    /// <summary>Two visible devices from <paramref name="from"/> on whose subjects belong to different squads.</summary>
    private async Task<((TestDevice Device, int Squad) Ours, (TestDevice Device, int Squad) Theirs)> TwoSquadsAsync(int from)
    {
        var first = await county.VisibleDeviceAsync(from);
        var firstSquad = await SquadOfAsync(first);
        for (var index = from + 1; ; index++)
        {
            var other = await county.VisibleDeviceAsync(index);
            if (await SquadOfAsync(other) is var squad && squad != firstSquad)
            {
                return ((first, firstSquad), (other, squad));
            }
        }
    }

    private Task<int> SquadOfAsync(TestDevice device) =>
        county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));

    private async Task RaiseExitAsync(TestDevice device)
    {
        var response = await devices.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-4), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-2), Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
