using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Security.Users;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>A person's own password: changed with the current one, never skipped when a commander set it.</summary>
public class PasswordChangeTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string NewPassword = "Chosen-by-me-2026";

    private readonly CountyRecords county = new(app.ConnectionString);

    private static async Task<string[]> FieldsAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>An officer whose password a commander has just reset; returns the temporary password.</summary>
    private async Task<(TestUser Officer, string Temporary)> ResetOfficerAsync(string role = Roles.DutyOfficer)
    {
        var officer = await TestUsers.CreateAsync(app.Services, role);
        using var commander = await app.SignInAsync(Roles.Commander);
        var id = (await commander.Client.GetFromJsonAsync<List<UserRow>>("/api/v1/users/", Json.Web))!.Single(u => u.UserName == officer.UserName).Id;
        var reset = await commander.Client.PostAsync($"/api/v1/users/{id}/password/reset", null);
        return (officer, (await reset.Content.ReadFromJsonAsync<UserChangeEndpoints.TemporaryPassword>(Json.Web))!.Password);
    }

    [Fact]
    public async Task APersonChangesTheirOwnPasswordAndEveryOtherSessionOfTheirsEnds()
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var here = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        using var elsewhere = await FormSignIn.SignInAsync(app.BaseAddress, officer);

        var changed = await here.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = officer.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await FormSignIn.PostPasswordAsync(FormSignIn.Anonymous(app.BaseAddress), officer.UserName, officer.Password)).StatusCode);
        using var withNew = await FormSignIn.SignInAsync(app.BaseAddress, officer with { Password = NewPassword });
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'password-changed' AND target = @t", ("t", $"user:{officer.UserName}")));
    }

    [Fact]
    public async Task AWrongCurrentPasswordOrAWeakNewOneIsA400NamingTheFieldAndChangesNothing()
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = await FormSignIn.SignInAsync(app.BaseAddress, officer);

        var wrongCurrent = await session.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "Not-my-password-1", newPassword = NewPassword });
        var weak = await session.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = officer.Password, newPassword = "short" });
        var same = await session.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = officer.Password, newPassword = officer.Password });

        Assert.Equal(["currentPassword"], await FieldsAsync(wrongCurrent));
        Assert.Equal(["newPassword"], await FieldsAsync(weak));
        Assert.Equal(["newPassword"], await FieldsAsync(same));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
        using var stillOld = await FormSignIn.SignInAsync(app.BaseAddress, officer);
    }

    [Fact]
    public async Task AnOwedPasswordChangeCannotBeSkippedByGoingStraightToAnApiOrAPage()
    {
        var (officer, temporary) = await ResetOfficerAsync();
        using var session = FormSignIn.Anonymous(app.BaseAddress);
        var afterPassword = await FormSignIn.PostPasswordAsync(session, officer.UserName, temporary);
        Assert.StartsWith("/account/password", afterPassword.Headers.Location?.PathAndQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = temporary, newPassword = NewPassword })).StatusCode);
        Assert.StartsWith("/login", (await session.Client.GetAsync("/desk")).Headers.Location?.PathAndQuery);
        Assert.StartsWith("/login", (await session.Client.GetAsync("/login/second-factor")).Headers.Location?.PathAndQuery);
        Assert.StartsWith("/login", (await session.Client.GetAsync("/login/enroll")).Headers.Location?.PathAndQuery);

        var changed = await FormSignIn.PostFormAsync(session, "/account/password", new() { ["Input.New"] = NewPassword, ["Input.Repeat"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await FormSignIn.PostPasswordAsync(FormSignIn.Anonymous(app.BaseAddress), officer.UserName, temporary)).StatusCode);
    }

    [Fact]
    public async Task ACommanderWhoOwesANewPasswordChoosesItBeforeTheSecondFactorAndCannotReachTheSecondFactorFirst()
    {
        var (commander, temporary) = await ResetOfficerAsync(Roles.Commander);
        using var session = FormSignIn.Anonymous(app.BaseAddress);
        await FormSignIn.PostPasswordAsync(session, commander.UserName, temporary);

        var skipped = await session.Client.GetAsync("/login/second-factor");

        Assert.Equal("/login", skipped.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/v1/users/")).StatusCode);
        var changed = await FormSignIn.PostFormAsync(session, "/account/password", new() { ["Input.New"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.StartsWith("/login/second-factor", changed.Headers.Location?.PathAndQuery);
    }
}
