using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.Users;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Security;

/// <summary>A commander's changes to accounts through the API: each one audited, refused whole when wrong, and felt at once by the person.</summary>
public class UserAdministrationTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<(TestUser User, SignedInSession Session)> CommanderAsync()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        return (user, await FormSignIn.SignInAsync(app.BaseAddress, user));
    }

    private static async Task<UserRow> RowAsync(SignedInSession commander, string userName) =>
        (await commander.Client.GetFromJsonAsync<List<UserRow>>("/api/v1/users/", Json.Web))!.Single(u => u.UserName == userName);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private Task<long> AuditedAsync(string action, string userName) =>
        county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = @a AND target = @t", ("a", action), ("t", $"user:{userName}"));

    private Task<HttpResponseMessage> SignInAttemptAsync(string userName, string password) =>
        FormSignIn.PostPasswordAsync(FormSignIn.Anonymous(app.BaseAddress), userName, password);

    [Fact]
    public async Task AnAccountCreatedWithoutAPasswordGetsOneShownOnceAndMustChangeItAtTheFirstSignIn()
    {
        var (_, commander) = await CommanderAsync();
        var name = "officer-" + Guid.NewGuid().ToString("N")[..8];

        var created = await commander.Client.PostAsJsonAsync("/api/v1/users/", new { userName = name, displayName = "值班员", role = Roles.DutyOfficer });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = (await created.Content.ReadFromJsonAsync<UserEndpoints.CreatedUser>(Json.Web))!;
        Assert.Matches("^[A-Z]{4}-[a-z]{4}-[0-9]{4}-.{4}$", answer.InitialPassword);
        var row = await RowAsync(commander, name);
        Assert.True(row.MustChangePassword);
        Assert.DoesNotContain(answer.InitialPassword!, await commander.Client.GetStringAsync("/api/v1/users/"));
        var signIn = await SignInAttemptAsync(name, answer.InitialPassword!);
        Assert.StartsWith("/account/password", signIn.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task ARoleChangeWithTheVersionReadIsStoredAuditedAndEndsThatPersonsSessionsAtOnce()
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var officerSession = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        var row = await RowAsync(commander, officer.UserName);

        var edited = await commander.Client.PutAsJsonAsync($"/api/v1/users/{row.Id}", new { role = Roles.SquadLeader, squadId = 1, version = row.Version });

        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        var after = await RowAsync(commander, officer.UserName);
        Assert.Equal((Roles.SquadLeader, (int?)1), (after.Role, after.SquadId));
        Assert.Equal(1, await AuditedAsync("user-changed", officer.UserName));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerSession.Client.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task AnotherCommandersStaleEditIsRefusedWith409AndNothingOfItIsStored()
    {
        var (_, first) = await CommanderAsync();
        var (_, second) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var seenByBoth = await RowAsync(first, officer.UserName);

        var secondEdit = await second.Client.PutAsJsonAsync($"/api/v1/users/{seenByBoth.Id}", new { role = Roles.Auditor, version = seenByBoth.Version });
        var firstEdit = await first.Client.PutAsJsonAsync($"/api/v1/users/{seenByBoth.Id}", new { role = Roles.SquadLeader, squadId = 1, displayName = "过期的修改", version = seenByBoth.Version });

        Assert.Equal(HttpStatusCode.NoContent, secondEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, firstEdit.StatusCode);
        var stored = await RowAsync(first, officer.UserName);
        Assert.Equal((Roles.Auditor, (int?)null, officer.UserName), (stored.Role, stored.SquadId, stored.DisplayName));
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Commander")]
    [InlineData("")]
    [InlineData("forwarder")]
    public async Task ARoleValueThatIsNotARoleIsA400NamingTheRole(string role)
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var row = await RowAsync(commander, officer.UserName);

        var edited = await commander.Client.PutAsJsonAsync($"/api/v1/users/{row.Id}", new { role, version = row.Version });

        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Equal(["role"], (await ProblemAsync(edited)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(Roles.DutyOfficer, (await RowAsync(commander, officer.UserName)).Role);
    }

    [Fact]
    public async Task AnEditWithoutAVersionOrOfASquadThatDoesNotExistIsA400NamingTheField()
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var row = await RowAsync(commander, officer.UserName);

        var noVersion = await commander.Client.PutAsJsonAsync($"/api/v1/users/{row.Id}", new { role = Roles.Auditor });
        var noSquad = await commander.Client.PutAsJsonAsync($"/api/v1/users/{row.Id}", new { role = Roles.SquadLeader, squadId = 999_999, version = row.Version });

        Assert.True((await ProblemAsync(noVersion)).GetProperty("errors").TryGetProperty("version", out _));
        Assert.True((await ProblemAsync(noSquad)).GetProperty("errors").TryGetProperty("squadId", out _));
        Assert.Equal(Roles.DutyOfficer, (await RowAsync(commander, officer.UserName)).Role);
    }

    [Theory]
    [InlineData("PUT", "")]
    [InlineData("POST", "/disable")]
    [InlineData("POST", "/enable")]
    [InlineData("POST", "/unlock")]
    [InlineData("POST", "/password/reset")]
    public async Task AnUnknownAccountIs404(string method, string action)
    {
        var (_, commander) = await CommanderAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/users/{Guid.NewGuid()}{action}")
        {
            Content = JsonContent.Create(new { role = Roles.Auditor, version = "x" }),
        };

        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ACommanderCannotDisableDemoteOrResetThemselvesAndIsToldWhy()
    {
        var (me, commander) = await CommanderAsync();
        var row = await RowAsync(commander, me.UserName);

        var disable = await commander.Client.PostAsync($"/api/v1/users/{row.Id}/disable", null);
        var demote = await commander.Client.PutAsJsonAsync($"/api/v1/users/{row.Id}", new { role = Roles.DutyOfficer, version = row.Version });
        var reset = await commander.Client.PostAsync($"/api/v1/users/{row.Id}/password/reset", null);

        foreach (var refused in new[] { disable, demote, reset })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(UserAdministration.OwnAccount, (await ProblemAsync(refused)).GetProperty("reason").GetString());
        }

        Assert.Equal((true, Roles.Commander), ((await RowAsync(commander, me.UserName)).Enabled, (await RowAsync(commander, me.UserName)).Role));
    }

    [Fact]
    public async Task TheLastEnabledCommanderCannotBeDisabledNorDemoted()
    {
        var last = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        await county.ExecuteAsync($"""
            UPDATE "AspNetUsers" SET disabled_at = now() WHERE user_name <> '{last.UserName}' AND id IN (
                SELECT ur.user_id FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r.id = ur.role_id WHERE r.name = 'commander')
            """);
        try
        {
            // Reached by two commanders demoting each other at the same moment: the second finds the first already demoted.
            await using var scope = app.Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var someoneElse = new UserActor(Guid.NewGuid().ToString(), "former-commander", null);
            var row = (await admin.ListAsync()).Single(u => u.UserName == last.UserName);

            var disabled = await admin.DisableAsync(row.Id, someoneElse);
            var demoted = await admin.EditAsync(row.Id, new UserEdit { Role = Roles.DutyOfficer, Version = row.Version }, someoneElse);

            Assert.Equal(UserChange.Refused(UserAdministration.LastCommander), disabled);
            Assert.Equal(UserChange.Refused(UserAdministration.LastCommander), demoted);
            var stored = (await admin.ListAsync()).Single(u => u.UserName == last.UserName);
            Assert.Equal((true, Roles.Commander), (stored.Enabled, stored.Role));
        }
        finally
        {
            await county.ExecuteAsync("UPDATE \"AspNetUsers\" SET disabled_at = NULL");
        }
    }

    [Fact]
    public async Task ADisabledPersonsCopiedCookieIsRefusedAtOnceAndTheyCannotSignInUntilEnabled()
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var officerSession = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        using var copied = CopiedCookies.Client(CopiedCookies.Of(officerSession.Cookies, app.BaseAddress), app.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await copied.Client.GetAsync("/api/v1/alerts")).StatusCode);
        var id = (await RowAsync(commander, officer.UserName)).Id;

        var disabled = await commander.Client.PostAsync($"/api/v1/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerSession.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAttemptAsync(officer.UserName, officer.Password)).StatusCode);
        Assert.False((await RowAsync(commander, officer.UserName)).Enabled);

        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        using var again = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal((1, 1), (await AuditedAsync("user-disabled", officer.UserName), await AuditedAsync("user-enabled", officer.UserName)));
    }

    [Fact]
    public async Task AnUnlockedAccountSignsInBeforeItsLockoutWouldHaveEnded()
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAttemptAsync(officer.UserName, "Wrong-password-123");
        }

        var row = await RowAsync(commander, officer.UserName);
        Assert.NotNull(row.LockedUntil);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAttemptAsync(officer.UserName, officer.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.PostAsync($"/api/v1/users/{row.Id}/unlock", null)).StatusCode);

        Assert.Null((await RowAsync(commander, officer.UserName)).LockedUntil);
        using var signedIn = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        Assert.Equal(1, await AuditedAsync("user-unlocked", officer.UserName));
    }

    [Fact]
    public async Task AResetPasswordsOldPasswordIsRefusedAndTheTemporaryOneLeadsOnlyToThePasswordChange()
    {
        var (_, commander) = await CommanderAsync();
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var before = await FormSignIn.SignInAsync(app.BaseAddress, officer);
        var id = (await RowAsync(commander, officer.UserName)).Id;

        var reset = await commander.Client.PostAsync($"/api/v1/users/{id}/password/reset", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = (await reset.Content.ReadFromJsonAsync<UserChangeEndpoints.TemporaryPassword>(Json.Web))!.Password;
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInAttemptAsync(officer.UserName, officer.Password)).StatusCode);
        Assert.StartsWith("/account/password", (await SignInAttemptAsync(officer.UserName, temporary)).Headers.Location?.PathAndQuery);
        Assert.Equal(1, await AuditedAsync("password-reset", officer.UserName));
    }

    [Theory]
    [InlineData(Roles.SquadLeader)]
    [InlineData(Roles.DutyOfficer)]
    public async Task ASquadLeaderOrDutyOfficerIsRefusedEveryAccountAdministrationEndpoint(string role)
    {
        var target = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        var (_, commander) = await CommanderAsync();
        var row = await RowAsync(commander, target.UserName);
        using var person = await app.SignInAsync(role);
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/users/", null),
            (HttpMethod.Post, "/api/v1/users/", new { userName = "intruder-x", displayName = "x", role = Roles.Commander, password = "Intruder-pass-123" }),
            (HttpMethod.Put, $"/api/v1/users/{row.Id}", new { role = Roles.DutyOfficer, version = row.Version }),
            (HttpMethod.Post, $"/api/v1/users/{row.Id}/disable", null),
            (HttpMethod.Post, $"/api/v1/users/{row.Id}/enable", null),
            (HttpMethod.Post, $"/api/v1/users/{row.Id}/unlock", null),
            (HttpMethod.Post, $"/api/v1/users/{row.Id}/password/reset", null),
            (HttpMethod.Post, $"/api/v1/users/{row.Id}/second-factor/reset", null),
            (HttpMethod.Put, $"/api/v1/security/second-factor/roles/{Roles.DutyOfficer}", new { required = false }),
            (HttpMethod.Get, "/api/v1/integration-tokens/", null),
            (HttpMethod.Post, "/api/v1/integration-tokens/", new { name = "intruder", role = Roles.Forwarder }),
            (HttpMethod.Delete, "/api/v1/integration-tokens/1", null),
            (HttpMethod.Get, "/api/v1/sessions/", null),
        };

        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            Assert.True((await person.Client.SendAsync(request)).StatusCode == HttpStatusCode.Forbidden, $"{method} {path}");
        }

        var stored = await RowAsync(commander, target.UserName);
        Assert.Equal((true, Roles.Commander, row.Version), (stored.Enabled, stored.Role, stored.Version));
    }

    [Fact]
    public async Task MarkupInADisplayNameIsShownAsTextOnTheUsersPage()
    {
        var (_, commander) = await CommanderAsync();
        var name = "markup-" + Guid.NewGuid().ToString("N")[..8];
        const string DisplayName = "<img src=x onerror=alert(1)><b>bold</b>";
        var created = await commander.Client.PostAsJsonAsync("/api/v1/users/", new { userName = name, displayName = DisplayName, role = Roles.DutyOfficer });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await commander.Client.GetStringAsync("/site/users");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<b>bold", page);
    }
}
