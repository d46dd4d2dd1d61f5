using System.Net;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>Anyone at a desk may enrol an authenticator of their own: the key is shown once, only after the password is entered again.</summary>
public class OwnAuthenticatorTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string Page = "/account/second-factor";

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ADutyOfficerEnrolsAfterEnteringThePasswordAgainAndIsAskedForACodeFromThenOn()
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = await FormSignIn.SignInAsync(app.BaseAddress, officer);

        var first = await session.Client.GetStringAsync(Page);
        Assert.Null(FormSignIn.KeyOn(first));
        var wrong = await FormSignIn.PostPageFormAsync(session, Page, first, new() { ["Password.Password"] = "Wrong-password-123" });
        Assert.Null(FormSignIn.KeyOn(await wrong.Content.ReadAsStringAsync()));

        var shown = await (await FormSignIn.PostPageFormAsync(session, Page, first, new() { ["Password.Password"] = officer.Password })).Content.ReadAsStringAsync();
        var key = FormSignIn.KeyOn(shown);
        Assert.NotNull(key);
        var confirmed = await FormSignIn.PostPageFormAsync(session, Page, shown, new() { ["Confirm.Code"] = FormSignIn.CodeFor(key!) });
        Assert.Contains("data-testid=\"enrolled\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'second-factor-enrolled'", ("a", officer.UserName)));

        // From now on the password leads to the code prompt, and the page never shows the key again.
        using var next = FormSignIn.Anonymous(app.BaseAddress);
        Assert.StartsWith("/login/second-factor", (await FormSignIn.PostPasswordAsync(next, officer.UserName, officer.Password)).Headers.Location?.PathAndQuery);
        var again = await session.Client.GetStringAsync(Page);
        Assert.Contains("data-testid=\"already-enrolled\"", again, StringComparison.Ordinal);
        var replayPassword = await FormSignIn.PostPageFormAsync(session, Page, first, new() { ["Password.Password"] = officer.Password });
        Assert.Null(FormSignIn.KeyOn(await replayPassword.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ACodeWithoutThePasswordStepEnrolsNothing()
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader);
        using var session = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        var page = await session.Client.GetStringAsync(Page);
        var handler = System.Text.RegularExpressions.Regex.Replace(page, "name=\"_handler\" value=\"password\"", "name=\"_handler\" value=\"confirm\"");

        var forged = await FormSignIn.PostPageFormAsync(session, Page, handler, new() { ["Confirm.Code"] = "123456" });

        Assert.DoesNotContain("data-testid=\"enrolled\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'second-factor-enrolled'", ("a", officer.UserName)));
    }

    [Theory]
    [InlineData(Roles.Wall)]
    [InlineData(Roles.DemoGuest)]
    public async Task TheWallAndTheDemoGuestHaveNoAuthenticatorPage(string role)
    {
        using var session = await app.SignInAsync(role);

        var response = await session.Client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery);
    }
}
