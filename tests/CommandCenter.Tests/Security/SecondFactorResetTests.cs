using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Security;

/// <summary>A lost phone: a commander resets the authenticator, never the person themselves.</summary>
public class SecondFactorResetTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<string> IdOfAsync(SignedInSession commander, string userName) =>
        (await commander.Client.GetFromJsonAsync<List<CommandCenter.Security.Users.UserRow>>("/api/v1/users/", Json.Web))!.Single(u => u.UserName == userName).Id;

    private async Task<CommandCenterUser> StoredAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>().FindByNameAsync(userName))!;
    }

    [Fact]
    public async Task ACommanderResetsALostAuthenticatorThePersonsSessionsEndAndTheyEnrolAFreshKeyAtTheNextSignIn()
    {
        var auditor = await TestUsers.CreateAsync(app.Services, Roles.Auditor);
        using var auditorSession = await FormSignIn.SignInAsync(app.BaseAddress, auditor);
        var stampBefore = (await StoredAsync(auditor.UserName)).SecurityStamp;
        var commanderUser = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var commander = await FormSignIn.SignInAsync(app.BaseAddress, commanderUser);

        var reset = await commander.Client.PostAsync($"/api/v1/users/{await IdOfAsync(commander, auditor.UserName)}/second-factor/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var stored = await StoredAsync(auditor.UserName);
        Assert.False(stored.TwoFactorEnabled);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE actor = @actor AND action = 'second-factor-reset' AND target = @target",
            ("actor", commanderUser.UserName),
            ("target", $"user:{auditor.UserName}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditorSession.Client.GetAsync("/api/v1/audit/")).StatusCode);

        using var next = FormSignIn.Anonymous(app.BaseAddress);
        var afterPassword = await FormSignIn.PostPasswordAsync(next, auditor.UserName, auditor.Password);
        Assert.StartsWith("/login/enroll", afterPassword.Headers.Location?.PathAndQuery);
        var page = await next.Client.GetStringAsync("/login/enroll");
        var freshKey = FormSignIn.KeyOn(page)!;
        Assert.NotEqual(auditor.AuthenticatorKey, freshKey);

        var withLostKey = await FormSignIn.PostPageFormAsync(next, "/login/enroll", page, new() { ["Input.Code"] = FormSignIn.CodeFor(auditor.AuthenticatorKey!, TimeSpan.FromSeconds(30)) });
        Assert.NotEqual(HttpStatusCode.Redirect, withLostKey.StatusCode);
        var withFreshKey = await FormSignIn.PostPageFormAsync(next, "/login/enroll", page, new() { ["Input.Code"] = FormSignIn.CodeFor(freshKey, TimeSpan.FromSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, withFreshKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.Client.GetAsync("/api/v1/audit/")).StatusCode);
    }

    [Fact]
    public async Task ACommanderCannotResetTheirOwnSecondFactor()
    {
        var commanderUser = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var commander = await FormSignIn.SignInAsync(app.BaseAddress, commanderUser);

        var reset = await commander.Client.PostAsync($"/api/v1/users/{await IdOfAsync(commander, commanderUser.UserName)}/second-factor/reset", null);

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.True((await StoredAsync(commanderUser.UserName)).TwoFactorEnabled);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.DutyOfficer)]
    [InlineData(Roles.SquadLeader)]
    public async Task NobodyButACommanderResetsASecondFactor(string role)
    {
        var target = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var commander = await app.SignInAsync(Roles.Commander);
        var id = await IdOfAsync(commander, target.UserName);
        using var other = await app.SignInAsync(role);

        var reset = await other.Client.PostAsync($"/api/v1/users/{id}/second-factor/reset", null);

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.True((await StoredAsync(target.UserName)).TwoFactorEnabled);
    }

    [Fact]
    public async Task ResettingAnAccountThatDoesNotExistIsNotFound()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var reset = await commander.Client.PostAsync($"/api/v1/users/{Guid.NewGuid()}/second-factor/reset", null);

        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
    }
}
