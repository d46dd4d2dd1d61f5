using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Security.Privacy;
using CommandCenter.Subjects.Privacy;
using CommandCenter.Subjects.Registry;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Subjects.Registry;

public class RegistryEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ASquadLeaderFindsOnlyTheirOwnSquadsSubjects()
    {
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects ORDER BY id LIMIT 1");
        var other = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE squad_id <> @s ORDER BY id LIMIT 1", ("s", squad));
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var own = await SearchAsync(leader.Client, "pageSize=100");
        var asking = await SearchAsync(leader.Client, $"pageSize=100&squadId={squad + 1}");
        var all = await SearchAsync(duty.Client, "pageSize=100");

        Assert.Equal(await county.CountAsync("SELECT count(*) FROM subjects WHERE squad_id = @s", ("s", squad)), own.Total);
        Assert.All(own.Items, row => Assert.Equal(squad, row.SquadId));
        Assert.Equal(0, asking.Total);
        Assert.Equal(await county.CountAsync("SELECT count(*) FROM subjects"), all.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/subjects/{other}")).StatusCode);
    }

    [Fact]
    public async Task SearchFindsByCaseNumberAndByFullNameWithAPurposeButAnswersTheNameMasked()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var code = await county.ScalarAsync<string>("SELECT code FROM subjects ORDER BY id OFFSET 4 LIMIT 1");
        var name = await county.ScalarAsync<string>("SELECT name FROM subjects WHERE code = @c", ("c", code));

        var byCode = await SearchAsync(duty.Client, $"code={Uri.EscapeDataString(code[^4..])}");
        var byName = await SearchAsync(duty.Client, $"name={Uri.EscapeDataString(name)}&purpose={Uri.EscapeDataString("核实来电人员身份")}");

        Assert.Contains(byCode.Items, row => row.Code == code);
        var found = Assert.Single(byName.Items, row => row.Code == code);
        Assert.Equal(PersonalDataMask.Name(name), found.Name);
        Assert.NotEqual(name, found.Name);
    }

    [Fact]
    public async Task FiltersCombineAndPagesDoNotRepeat()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var high = await SearchAsync(duty.Client, "riskLevel=High&status=InCorrection&pageSize=100");
        var first = await SearchAsync(duty.Client, "pageSize=10&page=1");
        var second = await SearchAsync(duty.Client, "pageSize=10&page=2");

        Assert.Equal(await county.CountAsync("SELECT count(*) FROM subjects WHERE risk_level = 'High' AND status = 'InCorrection'"), high.Total);
        Assert.All(high.Items, row => Assert.Equal(CommandCenter.Subjects.RiskLevel.High, row.RiskLevel));
        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
        Assert.True(string.CompareOrdinal(first.Items[^1].Code, second.Items[0].Code) < 0);
    }

    [Fact]
    public async Task AnIntakeWithABadIdNumberNamesTheFieldsAndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM subjects");
        var input = SubjectApi.NewSubject("T-BAD-1", 1);
        input["idNumber"] = "371326198506159011";
        input["phone"] = "12345";
        input["termEnd"] = input["termStart"];
        input.Remove("homeLatitude");

        var response = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("0", errors.GetProperty("idNumber")[0].GetString());
        foreach (var field in new[] { "phone", "termEnd", "homeLatitude" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named in {errors}");
        }

        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM subjects"));
    }

    [Fact]
    public async Task AValueOfTheWrongKindIsNamedLikeAnyOtherBadField()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var input = SubjectApi.NewSubject("T-BAD-2", 1);
        input["correctionType"] = "Exile";

        var response = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("correctionType", out _));
    }

    [Fact]
    public async Task TakingInAndChangingASubjectIsAuditedWithoutTheClearValues()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var input = SubjectApi.NewSubject("T-NEW-1", 2);

        var created = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        input["name"] = "";
        input["idNumber"] = null;
        input["phone"] = "17000008888";
        input["riskLevel"] = "High";
        var changed = await duty.Client.PutAsJsonAsync($"/api/v1/subjects/{id}", input);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("测试某甲", await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = @id", ("id", id)));
        Assert.Equal("371326198506159010", await county.ScalarAsync<string>("SELECT id_number FROM subjects WHERE id = @id", ("id", id)));
        var details = await AuditDetailsAsync("subject:T-NEW-1");
        Assert.Equal(["taken in", "changed: phone, riskLevel Medium→High"], details);
        Assert.DoesNotContain(details, d => d.Contains("17000008888") || d.Contains("测试某甲"));
    }

    [Fact]
    public async Task AReleaseDateReleasesTheSubjectAndEndsTheirOrders()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var commander = await app.SignInAsync(Roles.Commander);
        var input = SubjectApi.NewSubject("T-REL-1", 3);
        var id = (await (await duty.Client.PostAsJsonAsync("/api/v1/subjects/", input)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var order = (await (await duty.Client.PostAsJsonAsync($"/api/v1/subjects/{id}/orders/", new
        {
            reason = "PendingRevocation", startDate = SubjectApi.Day(SubjectApi.Today), endDate = SubjectApi.Day(SubjectApi.Today.AddDays(30)),
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsync($"/api/v1/subjects/{id}/orders/{order}/approve", null)).StatusCode);

        input["releaseDate"] = SubjectApi.Day(SubjectApi.Today);
        var released = await duty.Client.PutAsJsonAsync($"/api/v1/subjects/{id}", input);

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal("Released", await county.ScalarAsync<string>("SELECT status FROM subjects WHERE id = @id", ("id", id)));
        Assert.Equal(SubjectApi.Day(SubjectApi.Today), await county.ScalarAsync<string>("SELECT to_char(ended_early_on, 'YYYY-MM-DD') FROM positioning_orders WHERE id = @id", ("id", order)));
        Assert.Contains(await AuditDetailsAsync("subject:T-REL-1"), d => d.Contains($"order {order} ended"));
    }

    [Fact]
    public async Task ACaseNumberIsUnique()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var taken = await county.ScalarAsync<string>("SELECT code FROM subjects ORDER BY id LIMIT 1");

        var response = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", SubjectApi.NewSubject(taken, 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task ASubjectsRecordIsAnsweredMaskedWithTheirOrders()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var id = await county.ScalarAsync<int>("SELECT subject_id FROM positioning_orders ORDER BY id LIMIT 1");

        var detail = (await duty.Client.GetFromJsonAsync<SubjectDetail>($"/api/v1/subjects/{id}", SubjectApi.Json))!;

        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", detail.IdNumber);
        Assert.EndsWith("****", detail.HomeAddress);
        Assert.NotEmpty(detail.Orders);
    }

    private static async Task<SubjectResults> SearchAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<SubjectResults>($"/api/v1/subjects/?{query}", SubjectApi.Json))!;

    private async Task<List<string>> AuditDetailsAsync(string target)
    {
        var joined = await county.ScalarAsync<string>(
            "SELECT coalesce(string_agg(detail, '|' ORDER BY id), '') FROM audit_entries WHERE action = 'subject-changed' AND target = @t", ("t", target));
        return [.. joined.Split('|', StringSplitOptions.RemoveEmptyEntries)];
    }
}
