using System.Net;
using CommandCenter.Security;
using CommandCenter.Security.TwoFactor;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Security;

/// <summary>The review's attacks on the second factor: a password alone, a key seen once, a code used twice.</summary>
public class SecondFactorTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<SignedInSession> PastThePasswordAsync(TestUser user, string expectedStep)
    {
        var session = FormSignIn.Anonymous(app.BaseAddress);
        var response = await FormSignIn.PostPasswordAsync(session, user.UserName, user.Password);
        Assert.StartsWith(expectedStep, response.Headers.Location?.PathAndQuery);
        return session;
    }

    private static async Task<bool> IsSignedInAsync(SignedInSession session, string probe) =>
        (await session.Client.GetAsync(probe)).StatusCode == HttpStatusCode.OK;

    [Theory]
    [InlineData(Roles.Commander, "/api/v1/users/")]
    [InlineData(Roles.Auditor, "/api/v1/audit/")]
    public async Task APasswordAloneDoesNotRevealTheKeyOfAnEnrolledAccountNorCompleteItsSignIn(string role, string probe)
    {
        var victim = await TestUsers.CreateAsync(app.Services, role);
        using var attacker = await PastThePasswordAsync(victim, "/login/second-factor");

        // The review's attack: open the enrolment page, read the key, compute a code, complete the sign-in.
        var enrolPage = await attacker.Client.GetAsync("/login/enroll");
        var body = await enrolPage.Content.ReadAsStringAsync();
        var shown = FormSignIn.KeyOn(body);
        if (shown is not null)
        {
            await FormSignIn.PostPageFormAsync(attacker, "/login/enroll", body, new() { ["Input.Code"] = FormSignIn.CodeFor(shown) });
        }

        Assert.False(await IsSignedInAsync(attacker, probe));
        Assert.Null(shown);
        Assert.Equal(HttpStatusCode.Redirect, enrolPage.StatusCode);
        Assert.StartsWith("/login/second-factor", enrolPage.Headers.Location?.PathAndQuery);

        // Nor does a code of any other key pass, and the enrolled key stays as it was.
        var forged = await FormSignIn.PostFormAsync(attacker, "/login/second-factor", new() { ["Input.Code"] = FormSignIn.CodeFor("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") });
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.False(await IsSignedInAsync(attacker, probe));
        Assert.Equal(victim.AuthenticatorKey, await StoredKeyAsync(victim.UserName));
    }

    [Fact]
    public async Task AKeyAnIntruderSawBeforeTheOwnerEnrolledDoesNotSignTheIntruderInAfterwards()
    {
        var owner = await TestUsers.CreateAsync(app.Services, Roles.Auditor, enrolSecondFactor: false);

        using var intruder = await PastThePasswordAsync(owner, "/login/enroll");
        var intruderKey = FormSignIn.KeyOn(await intruder.Client.GetStringAsync("/login/enroll"));
        Assert.NotNull(intruderKey);

        using var ownerSession = await PastThePasswordAsync(owner, "/login/enroll");
        var ownerPage = await ownerSession.Client.GetStringAsync("/login/enroll");
        var ownerKey = FormSignIn.KeyOn(ownerPage)!;
        Assert.NotEqual(intruderKey, ownerKey);
        var enrolled = await FormSignIn.PostPageFormAsync(ownerSession, "/login/enroll", ownerPage, new() { ["Input.Code"] = FormSignIn.CodeFor(ownerKey) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.True(await IsSignedInAsync(ownerSession, "/api/v1/audit/"));

        // The intruder's pending sign-in from before is shown no key now, and codes of the key they saw fail.
        var stale = await intruder.Client.GetAsync("/login/enroll");
        Assert.Null(FormSignIn.KeyOn(await stale.Content.ReadAsStringAsync()));
        await FormSignIn.PostFormAsync(intruder, "/login/second-factor", new() { ["Input.Code"] = FormSignIn.CodeFor(intruderKey!, TimeSpan.FromSeconds(30)) });
        Assert.False(await IsSignedInAsync(intruder, "/api/v1/audit/"));

        using var again = await PastThePasswordAsync(owner, "/login/second-factor");
        await FormSignIn.PostFormAsync(again, "/login/second-factor", new() { ["Input.Code"] = FormSignIn.CodeFor(intruderKey!, TimeSpan.FromSeconds(30)) });
        Assert.False(await IsSignedInAsync(again, "/api/v1/audit/"));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'second-factor-enrolled'", ("a", owner.UserName)));
    }

    [Fact]
    public async Task ACodeThatSignedSomebodyInIsRefusedToASecondSignInAsIsACodeOfAnEarlierStep()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var first = await PastThePasswordAsync(user, "/login/second-factor");
        var code = FormSignIn.CodeFor(user.AuthenticatorKey!);
        var accepted = await FormSignIn.PostFormAsync(first, "/login/second-factor", new() { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsSignedInAsync(first, "/api/v1/users/"));

        using var replay = await PastThePasswordAsync(user, "/login/second-factor");
        var refused = await FormSignIn.PostFormAsync(replay, "/login/second-factor", new() { ["Input.Code"] = code });
        Assert.Contains("动态码错误", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var earlier = await FormSignIn.PostFormAsync(replay, "/login/second-factor", new() { ["Input.Code"] = FormSignIn.CodeFor(user.AuthenticatorKey!, TimeSpan.FromSeconds(-30)) });
        Assert.NotEqual(HttpStatusCode.Redirect, earlier.StatusCode);
        Assert.False(await IsSignedInAsync(replay, "/api/v1/users/"));
    }

    [Fact]
    public async Task OfFiveSignInsRacingWithOneCodeExactlyOneSucceeds()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        var sessions = new List<SignedInSession>();
        var pages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var session = await PastThePasswordAsync(user, "/login/second-factor");
            sessions.Add(session);
            pages.Add(await session.Client.GetStringAsync("/login/second-factor"));
        }

        var code = FormSignIn.CodeFor(user.AuthenticatorKey!);
        var answers = await Task.WhenAll(sessions.Select((s, i) => FormSignIn.PostPageFormAsync(s, "/login/second-factor", pages[i], new() { ["Input.Code"] = code })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect && !a.Headers.Location!.PathAndQuery.StartsWith("/login", StringComparison.Ordinal)));
        Assert.Equal(1, (await Task.WhenAll(sessions.Select(s => IsSignedInAsync(s, "/api/v1/users/")))).Count(signedIn => signedIn));
        sessions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task TwoNodesClaimingOneCodeOnTheirOwnConnectionsNeverBothWinNorLetItInLater()
    {
        // Each scope is what an app node has: its own user manager, context and connection to the same database.
        // Each does what a sign-in does after the check (count a failure, or clear the count), as that saves the row.
        for (var round = 0; round < 5; round++)
        {
            var user = await TestUsers.CreateAsync(app.Services, Roles.Commander);
            var code = FormSignIn.CodeFor(user.AuthenticatorKey!);
            var wins = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NodeSignsInAsync(user.UserName, code)));

            Assert.Equal(1, wins.Count(won => won));
            Assert.False(await NodeSignsInAsync(user.UserName, code));
        }
    }

    private async Task<bool> NodeSignsInAsync(string userName, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>();
        var person = (await users.FindByNameAsync(userName))!;
        var won = await scope.ServiceProvider.GetRequiredService<Authenticator>().TryUseCodeAsync(person, code);
        await (won ? users.ResetAccessFailedCountAsync(person) : users.AccessFailedAsync(person));
        return won;
    }

    private async Task<string?> StoredKeyAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!);
    }
}
