using System.Net;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Security;

public class SignInTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<string> LocationAfterPasswordAsync(SignedInSession session, TestUser user, string? password = null)
    {
        var response = await FormSignIn.PostPasswordAsync(session, user.UserName, password ?? user.Password);
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.PathAndQuery
            : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSignInPageShowsTheSystemUseNotice()
    {
        var page = WebUtility.HtmlDecode(await FormSignIn.Anonymous(app.BaseAddress).Client.GetStringAsync("/login"));

        Assert.Contains("data-testid=\"system-use-notice\"", page);
        Assert.Contains("系统使用告知", page);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountForTenMinutesEvenAgainstTheRightOne()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Contains("用户名或密码错误", await LocationAfterPasswordAsync(session, user, "Wrong-password-123"), StringComparison.Ordinal);
        }

        Assert.Contains("账号已锁定", await LocationAfterPasswordAsync(session, user, "Wrong-password-123"), StringComparison.Ordinal);

        var withRightPassword = await LocationAfterPasswordAsync(session, user);
        Assert.Contains("账号已锁定", withRightPassword, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>();
        var lockedUntil = (await users.GetLockoutEndDateAsync((await users.FindByNameAsync(user.UserName))!))!.Value;
        Assert.InRange(lockedUntil - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.1));
        Assert.Equal(4, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'sign-in-failed'", ("a", user.UserName)));
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'locked-out'", ("a", user.UserName)));
    }

    [Fact]
    public async Task ACommanderNeedsTheTotpCodeAfterThePassword()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        Assert.StartsWith("/login/second-factor", await LocationAfterPasswordAsync(session, user));
        var notYet = await session.Client.GetAsync("/api/v1/users/");
        Assert.Equal(HttpStatusCode.Unauthorized, notYet.StatusCode);

        var wrong = await FormSignIn.PostFormAsync(session, "/login/second-factor", new() { ["Input.Code"] = "000000" });
        Assert.Contains("动态码错误", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var right = await FormSignIn.PostFormAsync(session, "/login/second-factor", new() { ["Input.Code"] = FormSignIn.CodeFor(user.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/users/")).StatusCode);
    }

    [Fact]
    public async Task ANewAuditorEnrolsAnAuthenticatorAtTheFirstSignIn()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Auditor, enrolSecondFactor: false);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        Assert.StartsWith("/login/enroll", await LocationAfterPasswordAsync(session, user));
        var enrolPage = await session.Client.GetStringAsync("/login/enroll");
        Assert.Contains("<svg", enrolPage, StringComparison.Ordinal);
        var key = FormSignIn.KeyOn(enrolPage)!;

        var done = await FormSignIn.PostPageFormAsync(session, "/login/enroll", enrolPage, new() { ["Input.Code"] = FormSignIn.CodeFor(key) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/audit/")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>();
        Assert.True((await users.FindByNameAsync(user.UserName))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task ADutyOfficerSignsInWithThePasswordAloneAndTheSignInIsAudited()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        Assert.Equal("/", await LocationAfterPasswordAsync(session, user));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'sign-in'", ("a", user.UserName)));
    }

    [Fact]
    public async Task AReturnAddressOnAnotherSiteIsNotFollowed()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        var response = await FormSignIn.PostFormAsync(session, "/login?returnUrl=https://evil.example/", new()
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal("/", response.Headers.Location?.PathAndQuery);
    }
}
