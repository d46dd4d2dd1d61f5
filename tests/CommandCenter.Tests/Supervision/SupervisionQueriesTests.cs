using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Supervision;

public class SupervisionQueriesTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const int Subject = 4;
    private readonly CountyRecords county = new(app.ConnectionString);

    private SupervisionQueries Queries => app.Services.GetRequiredService<SupervisionQueries>();

    private SupervisionService Service => app.Services.GetRequiredService<SupervisionService>();

    private LeaveService Leave => app.Services.GetRequiredService<LeaveService>();

    private static ClaimsPrincipal Person(string role, int? squad = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"{role}-test"), new Claim(ClaimTypes.Role, role), .. squad is null ? [] : new[] { new Claim(ClaimNames.Squad, squad.Value.ToString()) }],
        "test"));

    [Fact]
    public async Task ASquadLeaderReadsTheirOwnSquadsPermitsAndCheckInsAndNothingOfAnotherSquads()
    {
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", Subject));
        var otherSquad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", squad));
        var duty = Person(Roles.DutyOfficer);
        var now = TimeProvider.System.GetUtcNow();
        var area = JsonSerializer.SerializeToElement(new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { 118.3, 35.0 }, new[] { 118.4, 35.0 }, new[] { 118.4, 35.1 }, new[] { 118.3, 35.0 } } },
        });
        foreach (var (days, destination) in new[] { (20, "兰陵县城"), (30, "临沂市区") })
        {
            var granted = await Leave.RequestAsync(Subject, new LeavePermitRequest
            {
                StartsAt = now.AddDays(days), EndsAt = now.AddDays(days + 2), Destination = destination, Area = area,
            }, duty, CancellationToken.None);
            Assert.Null(granted.Refusal);
        }

        Assert.Null((await Service.RecordCheckInAsync(Subject, new CheckInRequest { Method = CheckInMethod.App }, duty, CancellationToken.None)).Refusal);

        var permits = await Queries.PermitsAsync(Subject, Person(Roles.SquadLeader, squad), CancellationToken.None);
        var history = await Queries.CheckInsAsync(Subject, 5, Person(Roles.SquadLeader, squad), CancellationToken.None);

        Assert.Equal(["临沂市区", "兰陵县城"], permits!.Select(p => p.Destination).Take(2));
        Assert.Equal(CheckInMethod.App, history!.Recent[0].Method);
        Assert.Null(await Queries.PermitsAsync(Subject, Person(Roles.SquadLeader, otherSquad), CancellationToken.None));
        Assert.Null(await Queries.CheckInsAsync(Subject, 5, Person(Roles.SquadLeader, otherSquad), CancellationToken.None));

        using var other = await app.SignInAsync(Roles.SquadLeader, otherSquad);
        using var own = await app.SignInAsync(Roles.SquadLeader, squad);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/subjects/{Subject}/leave-permits")).StatusCode);
        var listed = await own.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/subjects/{Subject}/leave-permits");
        Assert.Equal("临沂市区", listed![0].GetProperty("destination").GetString());
    }
}
