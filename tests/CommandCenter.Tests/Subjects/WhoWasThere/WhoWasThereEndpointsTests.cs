using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Security;
using CommandCenter.Subjects;
using CommandCenter.Subjects.WhoWasThere;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Subjects.WhoWasThere;

/// <summary>
/// Who was there, through the API on real PostGIS. The people are placed far north-east of the demo county, so
/// only the fixes written here can fall in the areas searched; each test uses a place of its own.
/// </summary>
public class WhoWasThereEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    /// <summary>A day well inside every order these tests approve, and the window around it.</summary>
    private static DateOnly Day => SubjectApi.Today.AddDays(-5);

    private static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    [Fact]
    public async Task ThePeopleWhoseTrackCameWithinTheCircleAreListedWithTheTimeAndDistanceOfTheirClosestFix()
    {
        var (lat, lon) = (36.90, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var near = await TakeInAsync(duty.Client, "T-WWT-NEAR", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        var outside = await TakeInAsync(duty.Client, "T-WWT-OUT", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        var late = await TakeInAsync(duty.Client, "T-WWT-LATE", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        await FixAsync(near, Local(Day, 10, 0), lat + 0.0030, lon);
        await FixAsync(near, Local(Day, 10, 5), lat + 0.0010, lon);
        await FixAsync(near, Local(Day, 10, 9), lat + 0.0020, lon);
        await FixAsync(outside, Local(Day, 11, 0), lat + 0.0060, lon);
        await FixAsync(late, Local(Day.AddDays(2), 9, 0), lat, lon);

        var result = await SearchAsync(duty.Client, Circle(lat, lon, 500, Local(Day, 0), Local(Day.AddDays(1), 0), "（2026）临公刑侦字第0001号"));

        var person = Assert.Single(result.People);
        Assert.Equal(("T-WWT-NEAR", near), (person.Code, person.SubjectId));
        Assert.Equal(Local(Day, 10, 5), person.ClosestFixTime);
        Assert.Equal(MetresNorth(lat, 0.0010), person.DistanceMetres, 0.5);
        Assert.Equal(3, person.FixesInside);
    }

    [Fact]
    public async Task OnlyTheDaysAnApprovedOrderCoveredAreSearched()
    {
        var (lat, lon) = (36.92, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var covered = await TakeInAsync(duty.Client, "T-WWT-COV", 1, covered: (Day, Day));
        var endedEarly = await TakeInAsync(duty.Client, "T-WWT-ENDED", 1, covered: (Day.AddDays(-10), Day.AddDays(10)), endedEarlyOn: Day.AddDays(-1));
        var requestedOnly = await TakeInAsync(duty.Client, "T-WWT-REQ", 1, covered: (Day.AddDays(-10), Day.AddDays(10)), approved: false);
        await FixAsync(covered, Local(Day, 12), lat, lon);
        await FixAsync(covered, Local(Day.AddDays(1), 0, 30), lat, lon + 0.0001);
        await FixAsync(endedEarly, Local(Day, 12), lat, lon);
        await FixAsync(endedEarly, Local(Day.AddDays(-1), 23, 50), lat + 0.002, lon);
        await FixAsync(requestedOnly, Local(Day, 12), lat, lon);

        var result = await SearchAsync(duty.Client, Circle(lat, lon, 300, Local(Day.AddDays(-2), 0), Local(Day.AddDays(2), 0), "CASE-COVERED-1"));

        Assert.Equal(["T-WWT-COV", "T-WWT-ENDED"], result.People.Select(p => p.Code).Order());
        var one = result.People.Single(p => p.Code == "T-WWT-COV");
        Assert.Equal((Local(Day, 12), 1), (one.ClosestFixTime, one.FixesInside));
        Assert.Equal(Local(Day.AddDays(-1), 23, 50), result.People.Single(p => p.Code == "T-WWT-ENDED").ClosestFixTime);
    }

    /// <summary>
    /// The orders are matched in the database with the fixes found, day by day in the site's calendar (UTC+8): a fix a
    /// minute before the covered day ends counts and one two minutes later does not, though both fall on the same UTC
    /// date; the day between two orders is not searched, even where the person came closest.
    /// </summary>
    [Fact]
    public async Task AFixOnADayWithoutAnOrderIsNotListedAndDaysFollowTheSitesCalendar()
    {
        var (lat, lon) = (37.00, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var gap = await TakeInAsync(duty.Client, "T-WWT-GAP", 1, covered: (Day.AddDays(-3), Day.AddDays(-1)));
        await OrderAsync(gap, (Day.AddDays(1), Day.AddDays(3)), approved: true, endedEarlyOn: null);
        await FixAsync(gap, Local(Day.AddDays(-1), 23, 59), lat + 0.0030, lon);
        await FixAsync(gap, Local(Day, 0, 1), lat, lon);
        await FixAsync(gap, Local(Day, 12), lat, lon);
        await FixAsync(gap, Local(Day.AddDays(1), 0, 0), lat + 0.0020, lon);

        var result = await SearchAsync(duty.Client, Circle(lat, lon, 500, Local(Day.AddDays(-2), 0), Local(Day.AddDays(2), 0), "CASE-GAP-1"));

        var person = Assert.Single(result.People);
        Assert.Equal(("T-WWT-GAP", Local(Day.AddDays(1), 0, 0), 2), (person.Code, person.ClosestFixTime, person.FixesInside));
        Assert.Equal(MetresNorth(lat, 0.0020), person.DistanceMetres, 0.5);
    }

    /// <summary>Another squad's person alone in the area: a squad leader's search finds nobody, and its audit names nobody.</summary>
    [Fact]
    public async Task ASquadLeaderCannotFindAnotherSquadsPersonEvenAloneInTheArea()
    {
        var (lat, lon) = (37.02, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squadId: 1);
        var other = await TakeInAsync(duty.Client, "T-WWT-ALONE", 2, covered: (Day.AddDays(-3), Day.AddDays(3)));
        await FixAsync(other, Local(Day, 15), lat, lon);

        var result = await SearchAsync(leader.Client, Circle(lat, lon, 300, Local(Day, 0), Local(Day.AddDays(1), 0), "CASE-SQUAD-ALONE"));

        Assert.Empty(result.People);
        Assert.Equal(0, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND target = 'case:CASE-SQUAD-ALONE' AND detail LIKE '%T-WWT-ALONE%'"));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND target = 'case:CASE-SQUAD-ALONE'"));
    }

    [Fact]
    public async Task ADrawnAreaFindsWhoWasInsideItAndMeasuresFromItsCentre()
    {
        var (lat, lon) = (36.94, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var inside = await TakeInAsync(duty.Client, "T-WWT-POLY", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        var beside = await TakeInAsync(duty.Client, "T-WWT-BESIDE", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        await FixAsync(inside, Local(Day, 8), lat + 0.002, lon);
        await FixAsync(beside, Local(Day, 8), lat + 0.002, lon + 0.006);
        var square = new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { lon - 0.005, lat - 0.005 }, new[] { lon + 0.005, lat - 0.005 }, new[] { lon + 0.005, lat + 0.005 }, new[] { lon - 0.005, lat + 0.005 }, new[] { lon - 0.005, lat - 0.005 } } },
        };

        var result = await SearchAsync(duty.Client, new { area = square, from = Local(Day, 0), to = Local(Day.AddDays(1), 0), caseNumber = "CASE-POLYGON-1" });

        var person = Assert.Single(result.People);
        Assert.Equal("T-WWT-POLY", person.Code);
        Assert.Equal(MetresNorth(lat, 0.002), person.DistanceMetres, 1.0);
        Assert.Null(result.RadiusMetres);
    }

    [Fact]
    public async Task ASquadLeaderFindsOnlyTheirSquadsPeopleInTheArea()
    {
        var (lat, lon) = (36.96, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squadId: 1);
        var own = await TakeInAsync(duty.Client, "T-WWT-OWN", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        var other = await TakeInAsync(duty.Client, "T-WWT-OTHER", 2, covered: (Day.AddDays(-3), Day.AddDays(3)));
        await FixAsync(own, Local(Day, 15), lat + 0.001, lon);
        await FixAsync(other, Local(Day, 15), lat, lon);
        var search = Circle(lat, lon, 400, Local(Day, 0), Local(Day.AddDays(1), 0), "CASE-SQUAD-1");

        Assert.Equal(["T-WWT-OWN"], (await SearchAsync(leader.Client, search)).People.Select(p => p.Code));
        Assert.Equal(["T-WWT-OTHER", "T-WWT-OWN"], (await SearchAsync(duty.Client, search)).People.Select(p => p.Code));
    }

    [Fact]
    public async Task EverySearchIsAuditedWithItsCaseNumberAndThePeopleItShowed()
    {
        var (lat, lon) = (36.98, 118.90);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var seen = await TakeInAsync(duty.Client, "T-WWT-AUDIT", 1, covered: (Day.AddDays(-3), Day.AddDays(3)));
        await FixAsync(seen, Local(Day, 9), lat, lon);

        await SearchAsync(duty.Client, Circle(lat, lon, 200, Local(Day, 0), Local(Day.AddDays(1), 0), "CASE-AUDIT-7"));

        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND target = 'case:CASE-AUDIT-7' AND detail LIKE '%T-WWT-AUDIT%' AND detail LIKE '%within 200 m%'"));
    }

    [Fact]
    public async Task ASearchWithoutACaseOrBeyondItsBoundsIsRefusedFieldByFieldAndNothingIsSearched()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var from = Local(Day, 0);

        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from, from.AddDays(1), null), "caseNumber");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from, from.AddDays(1), "   "), "caseNumber");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from, from.AddDays(1), new string('9', 65)), "caseNumber");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from, from.AddDays(1), "<script>alert(1)</script>"), "caseNumber");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 5_000, from, from.AddDays(1), "CASE-BOUNDS"), "radiusMetres");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from, from.AddDays(40), "CASE-BOUNDS"), "to");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, from.AddDays(1), from, "CASE-BOUNDS"), "to");
        await AssertRefusedAsync(duty.Client, Circle(36.9, 118.9, 500, DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(3), "CASE-BOUNDS"), "from");
        await AssertRefusedAsync(duty.Client, Circle(95, 118.9, 500, from, from.AddDays(1), "CASE-BOUNDS"), "latitude");
        var county = new { type = "Polygon", coordinates = new[] { new[] { new[] { 117.0, 35.0 }, new[] { 118.0, 35.0 }, new[] { 118.0, 36.0 }, new[] { 117.0, 35.0 } } } };
        await AssertRefusedAsync(duty.Client, new { area = county, from, to = from.AddDays(1), caseNumber = "CASE-BOUNDS" }, "area");
        await AssertRefusedAsync(duty.Client, new { area = county, latitude = 36.9, longitude = 118.9, radiusMetres = 100, from, to = from.AddDays(1), caseNumber = "CASE-BOUNDS" }, "area");

        Assert.Equal(0, await this.county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND target = 'case:CASE-BOUNDS'"));
    }

    private static object Circle(double lat, double lon, double radius, DateTimeOffset from, DateTimeOffset to, string? caseNumber) =>
        new { latitude = lat, longitude = lon, radiusMetres = radius, from, to, caseNumber };

    private static async Task<WhoWasThereResult> SearchAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/subjects/who-was-there", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WhoWasThereResult>(SubjectApi.Json))!;
    }

    private static async Task AssertRefusedAsync(HttpClient client, object body, string field)
    {
        var response = await client.PostAsJsonAsync("/api/v1/subjects/who-was-there", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} is not named in {text}");
    }

    /// <summary>A subject taken in through the API, with an order over the days given (approved unless said), put in straight as a past order cannot be requested.</summary>
    private async Task<int> TakeInAsync(HttpClient client, string code, int squad, (DateOnly From, DateOnly To) covered, bool approved = true, DateOnly? endedEarlyOn = null)
    {
        var created = await client.PostAsJsonAsync("/api/v1/subjects/", SubjectApi.NewSubject(code, squad));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await OrderAsync(id, covered, approved, endedEarlyOn);
        return id;
    }

    private async Task OrderAsync(int subjectId, (DateOnly From, DateOnly To) covered, bool approved, DateOnly? endedEarlyOn)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        db.PositioningOrders.Add(new PositioningOrder
        {
            SubjectId = subjectId, Reason = PositioningReason.LeftCountyWithoutApproval, StartDate = covered.From, EndDate = covered.To,
            Status = approved ? PositioningOrderStatus.Approved : PositioningOrderStatus.Requested, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow.AddDays(-30),
            DecidedBy = approved ? "commander" : null, DecidedAt = approved ? DateTimeOffset.UtcNow.AddDays(-30) : null,
            EndedEarlyOn = endedEarlyOn, EndedEarlyBy = endedEarlyOn is null ? null : "test", EndedEarlyReason = endedEarlyOn is null ? null : "no longer needed",
        });
        await db.SaveChangesAsync();
    }

    private Task FixAsync(int subject, DateTimeOffset at, double lat, double lon) => county.ExecuteAsync(FormattableString.Invariant($"""
        INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
        VALUES ({1_000_000 + subject}, '{at:O}', {subject}, now(), ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 8)
        """));

    /// <summary>The length of a short step due north on the WGS-84 ellipsoid: the meridian's radius of curvature times the angle.</summary>
    private static double MetresNorth(double latitude, double degrees)
    {
        const double a = 6_378_137.0, f = 1 / 298.257223563;
        var e2 = f * (2 - f);
        var phi = (latitude + degrees / 2) * Math.PI / 180;
        var meridian = a * (1 - e2) / Math.Pow(1 - e2 * Math.Sin(phi) * Math.Sin(phi), 1.5);
        return meridian * degrees * Math.PI / 180;
    }
}
