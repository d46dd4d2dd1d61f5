using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.TwoFactor;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>A commander may require an authenticator of any desk role; commanders and auditors always need one.</summary>
public class SecondFactorRoleTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string Path = "/api/v1/security/second-factor/roles/";

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task OnceACommanderRequiresItOfSquadLeadersTheirNextSignInEnrolsAnAuthenticator()
    {
        var commanderUser = await TestUsers.CreateAsync(app.Services, Roles.Commander);
        using var commander = await FormSignIn.SignInAsync(app.BaseAddress, commanderUser);
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader);
        try
        {
            var set = await commander.Client.PutAsJsonAsync(Path + Roles.SquadLeader, new { required = true });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Contains(new SecondFactorRoleState(Roles.SquadLeader, true, false), (await set.Content.ReadFromJsonAsync<List<SecondFactorRoleState>>(Json.Web))!);

            using var session = FormSignIn.Anonymous(app.BaseAddress);
            var afterPassword = await FormSignIn.PostPasswordAsync(session, leader.UserName, leader.Password);
            Assert.StartsWith("/login/enroll", afterPassword.Headers.Location?.PathAndQuery);
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);

            using var enrolled = await FormSignIn.SignInAsync(app.BaseAddress, leader);
            Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'second-factor-enrolled'", ("a", leader.UserName)));
            Assert.Equal(1, await county.CountAsync(
                "SELECT count(*) FROM audit_entries WHERE actor = @a AND action = 'settings-changed' AND target = 'second-factor:squad-leader' AND detail = 'required'",
                ("a", commanderUser.UserName)));
        }
        finally
        {
            await commander.Client.PutAsJsonAsync(Path + Roles.SquadLeader, new { required = false });
        }

        // Once enrolled, a person keeps the second factor even when the role no longer requires it.
        using var later = FormSignIn.Anonymous(app.BaseAddress);
        Assert.StartsWith("/login/second-factor", (await FormSignIn.PostPasswordAsync(later, leader.UserName, leader.Password)).Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Commander)]
    [InlineData(Roles.Auditor)]
    public async Task CommandersAndAuditorsStayRequiredWhateverTheSettingSays(string role)
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var set = await commander.Client.PutAsJsonAsync(Path + role, new { required = false });

        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        Assert.Contains("\"required\"", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(new SecondFactorRoleState(role, true, true), (await commander.Client.GetFromJsonAsync<List<SecondFactorRoleState>>(Path, Json.Web))!);
        var unenrolled = await TestUsers.CreateAsync(app.Services, role, enrolSecondFactor: false);
        using var session = FormSignIn.Anonymous(app.BaseAddress);
        Assert.StartsWith("/login/enroll", (await FormSignIn.PostPasswordAsync(session, unenrolled.UserName, unenrolled.Password)).Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Wall)]
    [InlineData(Roles.DemoGuest)]
    [InlineData("no-such-role")]
    public async Task TheWallAndTheDemoGuestAreNotDeskRolesAndCannotBeRequiredToEnrol(string role)
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var set = await commander.Client.PutAsJsonAsync(Path + role, new { required = true });

        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        Assert.Contains("\"role\"", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(role, (await commander.Client.GetFromJsonAsync<List<SecondFactorRoleState>>(Path, Json.Web))!.Select(s => s.Role));
    }

    [Theory]
    [InlineData(Roles.DutyOfficer)]
    [InlineData(Roles.Auditor)]
    public async Task OnlyACommanderChangesWhoMustEnrol(string role)
    {
        using var other = await app.SignInAsync(role);

        var set = await other.Client.PutAsJsonAsync(Path + Roles.DutyOfficer, new { required = true });

        Assert.Equal(HttpStatusCode.Forbidden, set.StatusCode);
    }
}
