using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Security.Accounts;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Security;

/// <summary>Creating accounts: bad input is a 400 naming the field, nothing is stored in part, and sign-in does not tell names apart.</summary>
public class UserCreationTests(SmallCountyApp app, ITestOutputHelper output) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private Task<long> UsersNamedAsync(string userName) =>
        county.CountAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE user_name = @n", ("n", userName));

    private static async Task<IReadOnlyCollection<string>> FieldsNamedAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public async Task AnAccountWhoseAuditEntryCannotBeWrittenIsNotCreated()
    {
        var name = "audit-fails-" + Guid.NewGuid().ToString("N")[..8];
        await county.ExecuteAsync($"""
            CREATE FUNCTION refuse_test_audit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.target = 'user:{name}' THEN RAISE EXCEPTION 'audit refused for the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_test_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_test_audit();
            """);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

            await Assert.ThrowsAnyAsync<Exception>(() => accounts.CreateAsync(new NewAccount(name, "审计失败", Roles.DutyOfficer, null, "Audit-fails-123"), "test"));

            Assert.Equal(0, await UsersNamedAsync(name));
        }
        finally
        {
            await county.ExecuteAsync("DROP TRIGGER refuse_test_audit ON audit_entries; DROP FUNCTION refuse_test_audit();");
        }
    }

    [Fact]
    public async Task AnAccountAndItsAuditEntryAreStoredTogether()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var name = "officer-" + Guid.NewGuid().ToString("N")[..8];

        var created = await commander.Client.PostAsJsonAsync("/api/v1/users/", new { userName = name, displayName = "值班员", role = Roles.DutyOfficer, password = "Officer-pass-123" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await UsersNamedAsync(name));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'user-created' AND target = @t", ("t", $"user:{name}")));
    }

    [Fact]
    public async Task ASquadLeaderOfASquadThatDoesNotExistIsRefusedNamingTheSquad()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var name = "leader-" + Guid.NewGuid().ToString("N")[..8];

        var created = await commander.Client.PostAsJsonAsync("/api/v1/users/", new { userName = name, displayName = "中队长", role = Roles.SquadLeader, squadId = 999_999, password = "Leader-pass-123" });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(["squadId"], await FieldsNamedAsync(created));
        Assert.Equal(0, await UsersNamedAsync(name));
    }

    public static TheoryData<string, string> OverLongFields => new()
    {
        { "userName", new string('u', 200) },
        { "userName", "名字不是允许的字符" },
        { "displayName", new string('名', 65) },
        { "role", new string('r', 200) },
        { "password", "Aa1" + new string('p', 200) },
    };

    [Theory]
    [MemberData(nameof(OverLongFields))]
    public async Task AFieldOverItsLimitIsA400NamingTheFieldAndNothingIsStored(string field, string value)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var body = new Dictionary<string, object?>
        {
            ["userName"] = "limits-" + Guid.NewGuid().ToString("N")[..8],
            ["displayName"] = "界限",
            ["role"] = Roles.DutyOfficer,
            ["password"] = "Limits-pass-123",
        };
        body[field] = value;

        var created = await commander.Client.PostAsJsonAsync("/api/v1/users/", body);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal([field], await FieldsNamedAsync(created));
        Assert.Equal(0, await UsersNamedAsync((string)body["userName"]!));
    }

    [Fact]
    public async Task SignInTakesAboutAsLongForAnUnknownNameAsForAKnownOne()
    {
        var known = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        // Wrong passwords both ways; a fresh session each time, and the known account unlocked before the limit.
        async Task<TimeSpan> TimeAsync(string userName)
        {
            using var session = FormSignIn.Anonymous(app.BaseAddress);
            var page = await session.Client.GetStringAsync("/login");
            var clock = Stopwatch.StartNew();
            await FormSignIn.PostPageFormAsync(session, "/login", page, new() { ["Input.UserName"] = userName, ["Input.Password"] = "Wrong-password-123" });
            return clock.Elapsed;
        }

        await TimeAsync(unknown);
        await TimeAsync(known.UserName);
        var knownTimes = new List<TimeSpan>();
        var unknownTimes = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            await county.ExecuteAsync($"UPDATE \"AspNetUsers\" SET access_failed_count = 0, lockout_end = NULL WHERE user_name = '{known.UserName}'");
            knownTimes.Add(await TimeAsync(known.UserName));
            unknownTimes.Add(await TimeAsync(unknown));
        }

        var knownMedian = knownTimes.Order().ElementAt(3);
        var unknownMedian = unknownTimes.Order().ElementAt(3);
        output.WriteLine($"median sign-in: known name {knownMedian.TotalMilliseconds:F0} ms, unknown name {unknownMedian.TotalMilliseconds:F0} ms");
        Assert.True(unknownMedian * 3 >= knownMedian && knownMedian * 3 >= unknownMedian, $"known {knownMedian.TotalMilliseconds:F0} ms, unknown {unknownMedian.TotalMilliseconds:F0} ms");
    }
}
