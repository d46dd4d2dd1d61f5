using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Subjects.CoDefendants;

/// <summary>The co-defendant link through the API: symmetric, audited on both sides, refused clearly, and kept within a squad leader's squad.</summary>
public class CoDefendantLinkTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private static Task<HttpResponseMessage> LinkAsync(SignedInSession session, long subjectId, string json) =>
        session.Client.PostAsync($"/api/v1/subjects/{subjectId}/co-defendants", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Subjects of one squad, by id, skipping the first <paramref name="skip"/>, so that each test has a pair of its own.</summary>
    private async Task<(int Squad, int[] Ids)> SquadSubjectsAsync(int skip, int count, int? notSquad = null)
    {
        var squad = await county.ScalarAsync<int>(
            "SELECT squad_id FROM subjects WHERE squad_id <> @not GROUP BY squad_id HAVING count(*) >= 7 ORDER BY squad_id LIMIT 1", ("not", notSquad ?? -1));
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await county.ScalarAsync<int>("SELECT id FROM subjects WHERE squad_id = @squad ORDER BY id OFFSET @offset LIMIT 1", ("squad", squad), ("offset", skip + i)));
        }

        return (squad, [.. ids]);
    }

    private static async Task<List<JsonElement>> ListAsync(SignedInSession session, long subjectId) =>
        (await session.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/subjects/{subjectId}/co-defendants"))!;

    [Fact]
    public async Task ALinkMadeFromOneSideShowsOnBothAndIsAuditedOnEach()
    {
        var (_, ids) = await SquadSubjectsAsync(0, 2);
        using var officer = await app.SignInAsync(Roles.DutyOfficer);

        var linked = await LinkAsync(officer, ids[0], $$"""{"otherSubjectId": {{ids[1]}}}""");

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var fromFirst = Assert.Single(await ListAsync(officer, ids[0]));
        var fromSecond = Assert.Single(await ListAsync(officer, ids[1]));
        Assert.Equal(ids[1], fromFirst.GetProperty("subjectId").GetInt32());
        Assert.Equal(ids[0], fromSecond.GetProperty("subjectId").GetInt32());
        Assert.False(string.IsNullOrEmpty(fromSecond.GetProperty("linkedBy").GetString()));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM co_defendant_links WHERE subject_id = @a AND other_subject_id = @b", ("a", ids[0]), ("b", ids[1])));
        foreach (var id in ids)
        {
            Assert.Equal(1, await county.CountAsync(
                "SELECT count(*) FROM audit_entries WHERE action = 'record-changed' AND target = @t AND detail LIKE 'co-defendant linked%'", ("t", $"subject:{id}")));
        }

        var unlinked = await officer.Client.DeleteAsync($"/api/v1/subjects/{ids[1]}/co-defendants/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Empty(await ListAsync(officer, ids[0]));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.Client.DeleteAsync($"/api/v1/subjects/{ids[0]}/co-defendants/{ids[1]}")).StatusCode);
    }

    [Fact]
    public async Task OneselfADuplicateFromEitherSideAMissingOrForgedIdAndAnUnknownSubjectAreRefusedAndNothingIsStored()
    {
        var (_, ids) = await SquadSubjectsAsync(2, 2);
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.Created, (await LinkAsync(officer, ids[0], $$"""{"otherSubjectId": {{ids[1]}}}""")).StatusCode);

        var self = await LinkAsync(officer, ids[0], $$"""{"otherSubjectId": {{ids[0]}}}""");
        var again = await LinkAsync(officer, ids[1], $$"""{"otherSubjectId": {{ids[0]}}}""");
        var missing = await LinkAsync(officer, ids[0], "{}");
        var forged = await LinkAsync(officer, ids[0], """{"otherSubjectId": "1 OR 1=1"}""");
        var huge = await LinkAsync(officer, ids[0], """{"otherSubjectId": 99999999999999}""");
        var unknown = await LinkAsync(officer, ids[0], """{"otherSubjectId": 999999}""");

        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("own co-defendant", await self.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already linked", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("otherSubjectId", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.All([self, again, missing, forged, huge, unknown], r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM co_defendant_links WHERE subject_id IN (@a, @b) OR other_subject_id IN (@a, @b)", ("a", ids[0]), ("b", ids[1])));
    }

    [Fact]
    public async Task ASquadLeaderLinksWithinTheirSquadButNeitherReachesNorProbesAnotherSquadsPeople()
    {
        var (squad, own) = await SquadSubjectsAsync(4, 2);
        var (_, other) = await SquadSubjectsAsync(0, 1, notSquad: squad);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        var toAnotherSquad = await LinkAsync(leader, own[0], $$"""{"otherSubjectId": {{other[0]}}}""");
        var fromAnotherSquad = await LinkAsync(leader, other[0], $$"""{"otherSubjectId": {{own[0]}}}""");
        var readAnotherSquad = await leader.Client.GetAsync($"/api/v1/subjects/{other[0]}/co-defendants");
        var unlinkAnotherSquad = await leader.Client.DeleteAsync($"/api/v1/subjects/{own[0]}/co-defendants/{other[0]}");
        var withinSquad = await LinkAsync(leader, own[0], $$"""{"otherSubjectId": {{own[1]}}}""");

        Assert.Equal(HttpStatusCode.NotFound, toAnotherSquad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromAnotherSquad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAnotherSquad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unlinkAnotherSquad.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withinSquad.StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM co_defendant_links WHERE subject_id = @o OR other_subject_id = @o", ("o", other[0])));

        // A link the commander made across squads shows to the squad leader by case number only, without a way to open or remove it.
        using var commander = await app.SignInAsync(Roles.Commander);
        Assert.Equal(HttpStatusCode.Created, (await LinkAsync(commander, own[1], $$"""{"otherSubjectId": {{other[0]}}}""")).StatusCode);
        var seen = (await ListAsync(leader, own[1])).Single(l => l.GetProperty("subjectId").GetInt32() == other[0]);
        Assert.False(seen.GetProperty("visible").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.DeleteAsync($"/api/v1/subjects/{own[1]}/co-defendants/{other[0]}")).StatusCode);
    }
}
