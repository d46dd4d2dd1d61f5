using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Fences;

/// <summary>
/// A squad leader and a reader token try every way a fence is read (the list, one by id, the wall's map layer
/// and the export) to reach another squad's people's homes and banned places.
/// </summary>
public class FenceScopeTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private int ownSquad;
    private int ownHome;
    private int otherHome;
    private int otherVictimHome;
    private int otherSquadZone;
    private int countyWide;

    public async Task InitializeAsync()
    {
        ownSquad = await county.ScalarAsync<int>("SELECT min(squad_id) FROM subjects");
        var own = await county.ScalarAsync<int>("SELECT min(id) FROM subjects WHERE squad_id = @s", ("s", ownSquad));
        var other = await county.ScalarAsync<int>("SELECT min(id) FROM subjects WHERE squad_id <> @s", ("s", ownSquad));
        var otherSquad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", other));

        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        ownHome = await AddAsync(duty, "Home", "ListedSubjects", subjects: [own]);
        otherHome = await AddAsync(duty, "Home", "ListedSubjects", subjects: [other]);
        otherVictimHome = await AddAsync(duty, "Exclusion", "ListedSubjects", subjects: [other]);
        otherSquadZone = await AddAsync(duty, "Exclusion", "Squad", squad: otherSquad);
        countyWide = await AddAsync(duty, "Exclusion", "AllSubjects");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ASquadLeaderSeesTheCountyWideFencesAndTheirOwnPeoplesButNoOtherSquadsInTheListTheMapAndTheExport()
    {
        using var leader = await app.SignInAsync(Roles.SquadLeader, ownSquad);

        foreach (var seen in await EveryWayOfReadingAsync(leader.Client))
        {
            Assert.Contains(countyWide, seen);
            Assert.Contains(ownHome, seen);
            Assert.DoesNotContain(otherHome, seen);
            Assert.DoesNotContain(otherVictimHome, seen);
            Assert.DoesNotContain(otherSquadZone, seen);
        }
    }

    [Fact]
    public async Task AnotherSquadsFenceAskedForByIdIsNotFoundRatherThanForbidden()
    {
        using var leader = await app.SignInAsync(Roles.SquadLeader, ownSquad);

        Assert.Equal(HttpStatusCode.OK, (await leader.Client.GetAsync($"/api/v1/fences/{ownHome}")).StatusCode);
        foreach (var id in new[] { otherHome, otherVictimHome, otherSquadZone })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/fences/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task AReaderTokenSeesTheCountyWideFencesButNobodysHomeOrPersonalBan()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        using var reader = await TokenClients.CreateAsync(commander, app.BaseAddress, Roles.ApiReader);

        foreach (var seen in await EveryWayOfReadingAsync(reader.Client))
        {
            Assert.Contains(countyWide, seen);
            Assert.DoesNotContain(ownHome, seen);
            Assert.DoesNotContain(otherHome, seen);
            Assert.DoesNotContain(otherVictimHome, seen);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/api/v1/fences/{ownHome}")).StatusCode);
    }

    [Fact]
    public async Task ADutyOfficerStillSeesEveryFence()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        foreach (var seen in await EveryWayOfReadingAsync(duty.Client))
        {
            Assert.Superset(new HashSet<int> { countyWide, ownHome, otherHome, otherVictimHome, otherSquadZone }, seen.ToHashSet());
        }
    }

    /// <summary>The fence ids each read answers: the list, the map layer, the export.</summary>
    private static async Task<List<List<int>>> EveryWayOfReadingAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/fences/");
        var map = await client.GetFromJsonAsync<JsonElement>("/api/v1/map/fences");
        var export = await client.GetFromJsonAsync<JsonElement>("/api/v1/fences/export");
        return
        [
            [.. list.EnumerateArray().Select(f => f.GetProperty("id").GetInt32())],
            [.. map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetInt32())],
            [.. export.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32())],
        ];
    }

    private static async Task<int> AddAsync(SignedInSession duty, string kind, string scope, int[]? subjects = null, int? squad = null)
    {
        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", new
        {
            name = $"{kind} {scope} {Guid.NewGuid():N}"[..40],
            kind,
            area = FenceEndpointsTests.Square(35.46, 117.62),
            bufferMeters = 0,
            scope,
            scopeSubjectIds = subjects,
            scopeSquadId = squad,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
