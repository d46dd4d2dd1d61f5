using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Hosting;

/// <summary>Bad input over HTTP is a 400 naming the field, never a 500, and nothing of it is stored.</summary>
public class RequestBoundsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task AnUnmaskPurposeOf300000CharactersIsRefusedByNameAndNotAudited()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data'");

        var response = await session.Client.PostAsJsonAsync("/api/v1/subjects/2/unmask", new { purpose = new string('a', 300_000) });

        await AssertFieldRefusedAsync(response, "purpose");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data'"));
    }

    [Fact]
    public async Task AnUnmaskPurposeJustOverItsLimitIsRefusedByName()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var response = await session.Client.PostAsJsonAsync("/api/v1/subjects/2/unmask", new { purpose = new string('查', 201) });

        await AssertFieldRefusedAsync(response, "purpose");
    }

    [Fact]
    public async Task AnIntegrationTokenNameOverItsLimitIsRefusedAndNoTokenIsMade()
    {
        using var session = await app.SignInAsync(Roles.Commander);
        var before = await county.CountAsync("SELECT count(*) FROM integration_tokens");

        var response = await session.Client.PostAsJsonAsync("/api/v1/integration-tokens", new { name = new string('t', 65), role = Roles.Forwarder });

        await AssertFieldRefusedAsync(response, "name");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM integration_tokens"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    [InlineData("\"2\"")]
    public async Task AResolveDispositionGivenAsANumberIsRefusedByName(string disposition)
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM alert_events");

        var response = await session.Client.PostAsync("/api/v1/alerts/1/resolve", Json($$"""{"disposition": {{disposition}}, "note": "x"}"""));

        await AssertFieldRefusedAsync(response, "disposition");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM alert_events"));
    }

    [Theory]
    [InlineData("""{"method": 99}""", "method")]
    [InlineData("""{"method": "1"}""", "method")]
    [InlineData("""{"method": "Office", "at": "0001-01-01T08:00:00+08:00"}""", "at")]
    [InlineData("""{"method": "Office", "at": "9999-12-31T08:00:00+08:00"}""", "at")]
    public async Task ACheckInWithANumberForItsMethodOrAnImplausibleTimeIsRefusedAndNotStored(string body, string field)
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM check_ins");

        var response = await session.Client.PostAsync("/api/v1/subjects/1/check-ins", Json(body));

        await AssertFieldRefusedAsync(response, field);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM check_ins"));
    }

    [Fact]
    public async Task ALeavePermitEndingIn9999IsRefusedAndNotStored()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM leave_permits");
        const string body = """
            {"startsAt": "2026-12-01T08:00:00+08:00", "endsAt": "9999-12-31T08:00:00+08:00", "destination": "临沂市兰山区",
             "area": {"type": "Polygon", "coordinates": [[[118.3, 35.0], [118.4, 35.0], [118.4, 35.1], [118.3, 35.0]]]}, "purpose": "探亲"}
            """;

        var response = await session.Client.PostAsync("/api/v1/subjects/1/leave-permits", Json(body));

        await AssertFieldRefusedAsync(response, "endsAt");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM leave_permits"));
    }

    [Fact]
    public async Task ASubjectWhoseTermStartsInYear1IsRefusedAndNotTakenIn()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM subjects");
        const string body = """
            {"code": "PY20269999", "name": "测试员", "idNumber": "371326199001011234", "phone": "13800000000", "correctionType": "SuspendedSentence",
             "supervisionLevel": "Ordinary", "riskLevel": "Low", "squadId": 1, "termStart": "0001-01-01", "termEnd": "2027-01-01",
             "intakeDate": "2026-01-05", "homeAddress": "平邑县", "homeLatitude": 35.5, "homeLongitude": 117.6}
            """;

        var response = await session.Client.PostAsync("/api/v1/subjects", Json(body));

        await AssertFieldRefusedAsync(response, "termStart");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM subjects"));
    }

    [Fact]
    public async Task APositioningOrderStartingInYear1IsRefusedAndNotStored()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM positioning_orders");

        var response = await session.Client.PostAsync("/api/v1/subjects/1/orders",
            Json("""{"reason": "LeftCountyWithoutApproval", "startDate": "0001-01-01", "endDate": "0001-03-01", "note": "核实"}"""));

        await AssertFieldRefusedAsync(response, "startDate");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM positioning_orders"));
    }

    [Fact]
    public async Task AFenceScheduledFromYear1IsRefusedAndNotStored()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM geofences");
        const string body = """
            {"name": "测试区", "kind": "Exclusion", "bufferMeters": 10,
             "area": {"type": "Polygon", "coordinates": [[[117.6, 35.5], [117.61, 35.5], [117.61, 35.51], [117.6, 35.5]]]},
             "schedule": {"from": "0001-01-01", "to": null, "windows": []}}
            """;

        var response = await session.Client.PostAsync("/api/v1/fences", Json(body));

        await AssertFieldRefusedAsync(response, "schedule.from");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM geofences"));
    }

    [Theory]
    [InlineData("/api/v1/subjects/1/track?day=0001-01-01", "day")]
    [InlineData("/api/v1/subjects?page=2147483647", "page")]
    [InlineData("/api/v1/subjects?pageSize=-1", "pageSize")]
    [InlineData("/api/v1/subjects?riskLevel=99", "riskLevel")]
    [InlineData("/api/v1/subjects?riskLevel=1", "riskLevel")]
    [InlineData("/api/v1/subjects?status=0", "status")]
    [InlineData("/api/v1/kpi/records/activities?from=0001-01-01", "from")]
    public async Task AnImplausibleQueryValueIsRefusedByName(string url, string field)
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        await AssertFieldRefusedAsync(await session.Client.GetAsync(url), field);
    }

    [Fact]
    public async Task AnAuditPageThatWouldOverflowTheOffsetIsRefusedByName()
    {
        using var session = await app.SignInAsync(Roles.Auditor);

        await AssertFieldRefusedAsync(await session.Client.GetAsync("/api/v1/audit?page=2147483647&pageSize=500"), "page");
    }

    [Fact]
    public async Task EnumNamesAreStillAccepted()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var response = await session.Client.GetAsync("/api/v1/subjects?riskLevel=High&status=InCorrection&page=2&pageSize=10");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The answer is a validation problem whose errors name the field as the JSON names it.</summary>
    internal static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors), body);
        var names = errors.EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(names.Contains(field), $"errors name {string.Join(", ", names)}, not {field}: {body}");
    }
}
