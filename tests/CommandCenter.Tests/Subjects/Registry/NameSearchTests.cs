using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Subjects.Registry;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Subjects.Registry;

/// <summary>
/// Someone tries to learn who is under correction by searching names: by a family name, by part of a name,
/// by a full name without saying why. Only a full name with a purpose finds anyone, and that is audited.
/// </summary>
public class NameSearchTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    /// <summary>Characters no generated name uses, so a part of this name cannot be somebody else's full name.</summary>
    private const string FullName = "隗冇乂";

    private const string Purpose = "核实来电人员身份";

    private readonly CountyRecords county = new(app.ConnectionString);
    private string code = "";
    private int squad;

    public async Task InitializeAsync()
    {
        code = "T-NAME-1";
        squad = await county.ScalarAsync<int>("SELECT min(id) FROM squads");
        if (await county.CountAsync("SELECT count(*) FROM subjects WHERE code = @c", ("c", code)) == 0)
        {
            using var duty = await app.SignInAsync(Roles.DutyOfficer);
            var input = SubjectApi.NewSubject(code, squad);
            input["name"] = FullName;
            Assert.Equal(HttpStatusCode.Created, (await duty.Client.PostAsJsonAsync("/api/v1/subjects/", input)).StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("隗")]
    [InlineData("隗冇")]
    [InlineData("冇乂")]
    [InlineData("冇")]
    public async Task APartOfANameFindsNobodyEvenWithAPurpose(string part)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var results = await SearchAsync(duty.Client, part, Purpose);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("查")]
    public async Task AFullNameWithoutAStatedPurposeIsRefusedAndNamesThePurpose(string? purpose)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data'");

        var response = await duty.Client.GetAsync(Query(FullName, purpose));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("purpose", out _));
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data'"));
    }

    [Fact]
    public async Task AFullNameWithAPurposeFindsThePersonMaskedAndIsAuditedAsAnUnmaskingWithoutTheName()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var results = await SearchAsync(duty.Client, FullName, Purpose);

        var row = Assert.Single(results.Items);
        Assert.Equal(code, row.Code);
        Assert.NotEqual(FullName, row.Name);
        var detail = await county.ScalarAsync<string>(
            "SELECT detail FROM audit_entries WHERE action = 'unmask-personal-data' AND target = @t ORDER BY id DESC LIMIT 1", ("t", $"subject:{code}"));
        Assert.Contains(Purpose, detail);
        Assert.DoesNotContain(FullName, detail);
    }

    [Fact]
    public async Task AnotherSquadsLeaderFindsNobodyByTheFullNameAndIsAuditedAllTheSame()
    {
        var other = await county.ScalarAsync<int>("SELECT min(id) FROM squads WHERE id <> @s", ("s", squad));
        using var leader = await app.SignInAsync(Roles.SquadLeader, other);
        var before = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data' AND target = 'subject-search'");

        var results = await SearchAsync(leader.Client, FullName, Purpose);

        Assert.Equal(0, results.Total);
        Assert.Equal(before + 1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data' AND target = 'subject-search'"));
    }

    private static string Query(string name, string? purpose) =>
        $"/api/v1/subjects/?name={Uri.EscapeDataString(name)}" + (purpose is null ? "" : $"&purpose={Uri.EscapeDataString(purpose)}");

    private static async Task<SubjectResults> SearchAsync(HttpClient client, string name, string purpose)
    {
        var response = await client.GetAsync(Query(name, purpose));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubjectResults>(SubjectApi.Json))!;
    }
}
