using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.Privacy;
using CommandCenter.Subjects.Privacy;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Security;

public class SubjectCardTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheCardIsMaskedByDefault()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var name = await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = 1");

        var card = (await session.Client.GetFromJsonAsync<SubjectCard>("/api/v1/subjects/1/card"))!;

        Assert.True(card.Masked);
        Assert.NotEqual(name, card.Name);
        Assert.Equal(PersonalDataMask.Name(name), card.Name);
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", card.IdNumber);
    }

    [Fact]
    public async Task UnmaskingNeedsAStatedPurposeAndIsAudited()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var withoutPurpose = await session.Client.PostAsJsonAsync("/api/v1/subjects/2/unmask", new { purpose = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutPurpose.StatusCode);

        var card = (await (await session.Client.PostAsJsonAsync("/api/v1/subjects/2/unmask", new { purpose = "越界告警核实身份" }))
            .Content.ReadFromJsonAsync<SubjectCard>())!;
        Assert.False(card.Masked);
        Assert.Equal(await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = 2"), card.Name);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data' AND target = @t AND detail = '越界告警核实身份'", ("t", $"subject:{card.Code}")));
    }

    [Fact]
    public async Task ASquadLeaderCannotSeeAnotherSquadsSubject()
    {
        var subjectSquad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = 3");
        var otherSquad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", subjectSquad));
        using var own = await app.SignInAsync(Roles.SquadLeader, subjectSquad);
        using var other = await app.SignInAsync(Roles.SquadLeader, otherSquad);

        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync("/api/v1/subjects/3/card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync("/api/v1/subjects/3/card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync("/api/v1/subjects/3/unmask", new { purpose = "just looking" })).StatusCode);
    }
}
