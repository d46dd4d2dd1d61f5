using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Subjects.Registry;

/// <summary>
/// Every role reads a subject every way the API offers (the record, the card masked and unmasked, the search
/// list) to find where a person lives: the exact home point comes only with the record, and only while an
/// approved positioning order is in force, as the live location does.
/// </summary>
public class HomePointTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    public static TheoryData<string> Officers => [Roles.Commander, Roles.DutyOfficer, Roles.SquadLeader];

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task ARecordWithoutAnOrderInForceCarriesNoHomePoint(string role)
    {
        var hidden = (await county.HiddenDeviceAsync()).SubjectId;
        using var session = await SignInAsync(role, hidden);

        var record = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{hidden}");

        Assert.Equal(JsonValueKind.Null, record.GetProperty("homeLatitude").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("homeLongitude").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task ARecordWithAnOrderInForceCarriesTheHomeAsTheMapMayShowIt(string role)
    {
        var visible = (await county.VisibleDeviceAsync(0)).SubjectId;
        using var session = await SignInAsync(role, visible);

        var record = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{visible}");

        Assert.Equal(await county.ScalarAsync<double>("SELECT ST_Y(home) FROM subjects WHERE id = @id", ("id", visible)), record.GetProperty("homeLatitude").GetDouble(), 6);
    }

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task NeitherTheCardMaskedOrUnmaskedNorTheSearchListCarriesAHomePoint(string role)
    {
        var visible = (await county.VisibleDeviceAsync(0)).SubjectId;
        using var session = await SignInAsync(role, visible);

        var masked = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{visible}/card");
        var unmasked = await (await session.Client.PostAsJsonAsync($"/api/v1/subjects/{visible}/unmask", new { purpose = "核实居所地址" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var list = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/subjects/?pageSize=100");

        AssertNoPoint(masked);
        AssertNoPoint(unmasked);
        Assert.NotEmpty(list.GetProperty("items").EnumerateArray());
        foreach (var row in list.GetProperty("items").EnumerateArray())
        {
            AssertNoPoint(row);
        }
    }

    [Fact]
    public async Task TheWallTheAuditorAndAReaderTokenCannotReadARecordAtAll()
    {
        var visible = (await county.VisibleDeviceAsync(0)).SubjectId;
        using var commander = await app.SignInAsync(Roles.Commander);
        using var reader = await TokenClients.CreateAsync(commander, app.BaseAddress, Roles.ApiReader);
        using var wall = await app.SignInAsync(Roles.Wall);
        using var auditor = await app.SignInAsync(Roles.Auditor);

        foreach (var client in new[] { reader.Client, wall.Client, auditor.Client })
        {
            foreach (var path in new[] { $"/api/v1/subjects/{visible}", $"/api/v1/subjects/{visible}/card", "/api/v1/subjects/" })
            {
                Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            }
        }
    }

    private async Task<SignedInSession> SignInAsync(string role, int subjectId) =>
        role == Roles.SquadLeader
            ? await app.SignInAsync(role, await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", subjectId)))
            : await app.SignInAsync(role);

    private static void AssertNoPoint(JsonElement answer) =>
        Assert.DoesNotContain(answer.EnumerateObject(), p =>
            p.Name.Contains("latitude", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("longitude", StringComparison.OrdinalIgnoreCase)
            || p.Name.Equals("home", StringComparison.OrdinalIgnoreCase));
}
