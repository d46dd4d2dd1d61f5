using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Site;

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
