using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.ProtectedPeople;

/// <summary>
/// 双向定位 end to end on real PostGIS: enrolling a protected person and their phone, linking subjects, both directions of
/// approach raising, and the ways around it that must not work (the person's position in any answer or hub message,
/// another squad's subject, a forged key).
/// </summary>
public class ProtectedPersonTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    // The person stands about 105 m north-east of the subject: digits that appear nowhere else in the county.
    private const double PersonLatitude = 35.500873;
    private const double PersonLongitude = 117.640417;
    private const string PersonName = "测试被保护人甲";

    private static readonly string[] HubEvents = ["alertRaised", "alertChanged", "positionsFrame", "transitionPending", "deviceUnknown"];

    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient phone = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task ThePersonApproachingRaisesTheBreachAndNothingAnyScreenReadsHoldsWhereThePersonIs()
    {
        var subject = await county.VisibleDeviceAsync(20);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        await using var hub = await RawHubAsync(duty);
        var person = await EnrolAsync(duty.Client, await SquadOfAsync(subject.SubjectId));
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(duty.Client, person.Id, subject.SubjectId, 200, 600)).StatusCode);
        await PostSubjectAsync(subject, Now.AddSeconds(-6), Fixes.InsideLatitude, Fixes.InsideLongitude);

        Assert.Equal(HttpStatusCode.OK, (await PostPhoneAsync(person, Now.AddSeconds(-4), PersonLatitude, PersonLongitude)).StatusCode);

        // The rules read the person's newest position when they next run: a second report that lands before they have
        // read the first is one reading, not two. Like a phone reporting every half-minute, it comes after.
        await PendingAsync(hub, subject.SubjectId);
        Assert.Equal(HttpStatusCode.OK, (await PostPhoneAsync(person, Now.AddSeconds(-2), PersonLatitude, PersonLongitude)).StatusCode);

        var breach = await AlertOfAsync(subject.SubjectId, "ProtectedPersonBreach");
        await AlertOfAsync(subject.SubjectId, "ProtectedPersonNear");
        var args = await county.ScalarAsync<string>("SELECT detail_args::text FROM alerts WHERE id = @id", ("id", breach));
        Assert.Matches("""^\["10[0-9]", ?"200"\]$""", args);

        var answers = new List<string>
        {
            await duty.Client.GetStringAsync($"/api/v1/alerts/{breach}"),
            await duty.Client.GetStringAsync("/api/v1/alerts"),
            await duty.Client.GetStringAsync("/api/v1/alerts/pending"),
            await duty.Client.GetStringAsync("/api/v1/map/positions"),
            await duty.Client.GetStringAsync("/api/v1/protected-persons/"),
        };
        answers.AddRange(hub.Messages);
        Assert.Contains(hub.Messages, m => m.Contains("ProtectedPersonBreach", StringComparison.Ordinal));
        foreach (var answer in answers)
        {
            Assert.DoesNotContain("35.50087", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("117.64041", answer, StringComparison.Ordinal);

            // Positions frames carry millionths of a degree: the same place written as the hub packs it.
            Assert.DoesNotContain("3550087", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("11764041", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(PersonName, answer, StringComparison.Ordinal);
        }

        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM latest_positions WHERE ST_Y(location) = @lat", ("lat", PersonLatitude)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM positions WHERE ST_Y(location) = @lat", ("lat", PersonLatitude)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE detail LIKE @n OR target LIKE @n", ("n", $"%{PersonName}%")));
    }

    [Fact]
    public async Task TheSubjectApproachingAStillPersonRaisesOnItsOwnFixes()
    {
        var subject = await county.VisibleDeviceAsync(21);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var person = await EnrolAsync(duty.Client, await SquadOfAsync(subject.SubjectId));
        Assert.Equal(HttpStatusCode.OK, (await PostPhoneAsync(person, Now.AddSeconds(-8), PersonLatitude, PersonLongitude)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(duty.Client, person.Id, subject.SubjectId, null, null)).StatusCode);

        var response = await phone.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(subject, Now.AddSeconds(-4), Fixes.InsideLatitude, Fixes.InsideLongitude),
            Fixes.Item(subject, Now.AddSeconds(-2), Fixes.InsideLatitude, Fixes.InsideLongitude)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsRaised").GetInt32());
        var near = await AlertOfAsync(subject.SubjectId, "ProtectedPersonNear");
        Assert.Equal("Minor", await county.ScalarAsync<string>("SELECT severity FROM alerts WHERE id = @id", ("id", near)));
        Assert.Equal("Critical", await county.ScalarAsync<string>("SELECT severity FROM alerts WHERE id = @id", ("id", await AlertOfAsync(subject.SubjectId, "ProtectedPersonBreach"))));
    }

    [Fact]
    public async Task ASquadLeaderCannotLinkAnotherSquadsSubjectNorReachAnotherSquadsPerson()
    {
        var squads = await SquadsAsync();
        using var own = await app.SignInAsync(Roles.SquadLeader, squads[0]);
        using var other = await app.SignInAsync(Roles.SquadLeader, squads[1]);

        // The squad sent is ignored: a squad leader enrols for their own squad.
        var person = await EnrolAsync(own.Client, squads[1]);
        Assert.Equal(squads[0], await county.ScalarAsync<int>("SELECT squad_id FROM protected_persons WHERE id = @id", ("id", person.Id)));

        var foreign = await LinkAsync(own.Client, person.Id, await SubjectOfAsync(squads[1]), null, null);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subjectId", out _));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM protected_person_links WHERE protected_person_id = @id", ("id", person.Id)));

        Assert.Equal(HttpStatusCode.NotFound, (await LinkAsync(other.Client, person.Id, await SubjectOfAsync(squads[1]), null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/v1/protected-persons/{person.Id}/retire", null)).StatusCode);
        Assert.DoesNotContain(person.Serial, await other.Client.GetStringAsync("/api/v1/protected-persons/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(own.Client, person.Id, await SubjectOfAsync(squads[0]), 300, 900)).StatusCode);
    }

    [Fact]
    public async Task AForgedOrBorrowedKeyIsRefusedAndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = await county.VisibleDeviceAsync(22);
        var person = await EnrolAsync(duty.Client, await SquadOfAsync(subject.SubjectId));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPhoneAsync(person with { Key = person.Key[..^2] + "xx" }, Now.AddSeconds(-3), PersonLatitude, PersonLongitude)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPhoneAsync(person with { Key = Secrets.Hash(person.Key) }, Now.AddSeconds(-3), PersonLatitude, PersonLongitude)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPhoneAsync(new Phone(person.Id, subject.Serial, subject.Key), Now.AddSeconds(-3), PersonLatitude, PersonLongitude)).StatusCode);

        // The person's phone is nobody's device on the subjects' ingest, and a retired phone is refused on its own.
        var asSubject = await phone.GetAsync($"/osmand?id={person.Serial}&key={Uri.EscapeDataString(person.Key)}&lat={PersonLatitude}&lon={PersonLongitude}&timestamp={Now.AddSeconds(-3).ToUnixTimeMilliseconds()}");
        Assert.Equal(HttpStatusCode.Unauthorized, asSubject.StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM protected_person_positions WHERE protected_person_id = @id", ("id", person.Id)));

        Assert.Equal(HttpStatusCode.OK, (await duty.Client.PostAsync($"/api/v1/protected-persons/{person.Id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPhoneAsync(person, Now.AddSeconds(-1), PersonLatitude, PersonLongitude)).StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM protected_person_positions WHERE protected_person_id = @id", ("id", person.Id)));
    }

    [Fact]
    public async Task TheNameIsMaskedTheKeyIssuedOnceAndTheSetUpAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = await county.VisibleDeviceAsync(23);
        var person = await EnrolAsync(duty.Client, await SquadOfAsync(subject.SubjectId), "<b>王小明</b>");
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(duty.Client, person.Id, subject.SubjectId, null, null)).StatusCode);

        var list = await duty.Client.GetStringAsync("/api/v1/protected-persons/");
        Assert.DoesNotContain("王小明", list, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Key, list, StringComparison.Ordinal);
        var row = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == person.Id);
        Assert.Equal("<********>", row.GetProperty("maskedName").GetString());
        var link = row.GetProperty("links").EnumerateArray().Single();
        Assert.Equal(500, link.GetProperty("exclusionMetres").GetDouble());
        Assert.Equal(1500, link.GetProperty("warningMetres").GetDouble());
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'protected-person-changed' AND target = @t", ("t", $"protected-person:{person.Id}")));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE detail LIKE @k OR detail LIKE '%王小明%'", ("k", $"%{person.Key}%")));
    }

    [Theory]
    [InlineData(0, 500, "exclusionMetres")]
    [InlineData(500, 400, "warningMetres")]
    [InlineData(500, 1e9, "warningMetres")]
    public async Task BadRadiiAreA400NamingTheFieldAndStoreNothing(double exclusion, double warning, string field)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = await county.VisibleDeviceAsync(24);
        var person = await EnrolAsync(duty.Client, await SquadOfAsync(subject.SubjectId));

        var response = await LinkAsync(duty.Client, person.Id, subject.SubjectId, exclusion, warning);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM protected_person_links WHERE protected_person_id = @id", ("id", person.Id)));
    }

    private async Task<Phone> EnrolAsync(HttpClient client, int squadId, string name = PersonName)
    {
        var serial = $"PP-{Guid.NewGuid():N}"[..20];
        var response = await client.PostAsJsonAsync("/api/v1/protected-persons/", new { name, serial, squadId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        Assert.EndsWith($"/osmand/protected?key={Uri.EscapeDataString(key)}", issued.GetProperty("serverUrl").GetString(), StringComparison.Ordinal);
        return new Phone(issued.GetProperty("person").GetProperty("id").GetInt32(), serial, key);
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, int personId, int subjectId, double? exclusionMetres, double? warningMetres) =>
        client.PutAsJsonAsync($"/api/v1/protected-persons/{personId}/links", new { subjectId, exclusionMetres, warningMetres });

    private Task<HttpResponseMessage> PostPhoneAsync(Phone person, DateTimeOffset at, double latitude, double longitude) =>
        phone.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"/osmand/protected?id={person.Serial}&key={Uri.EscapeDataString(person.Key)}&lat={latitude}&lon={longitude}&accuracy=5&timestamp={at.ToUnixTimeMilliseconds()}"));

    private async Task PostSubjectAsync(TestDevice subject, DateTimeOffset at, double latitude, double longitude) =>
        Assert.Equal(HttpStatusCode.Accepted, (await phone.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(subject, at, latitude, longitude)))).StatusCode);

    /// <summary>The open alert of the rule for the subject, waiting for the rules to have read the person's fix.</summary>
    private async Task<long> AlertOfAsync(int subjectId, string rule)
    {
        var until = Now.AddSeconds(15);
        while (true)
        {
            var found = await county.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM alerts WHERE subject_id = @s AND rule = @r", ("s", subjectId), ("r", rule));
            if (found > 0)
            {
                return found;
            }

            Assert.True(Now < until, $"No {rule} alert for subject {subjectId} within 15 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the wall's message that a crossing of the subject's is pending (seen, not yet confirmed).</summary>
    private static async Task PendingAsync(RawHub hub, int subjectId)
    {
        var until = Now.AddSeconds(15);
        while (!hub.Messages.Any(m => IsPendingOf(m, subjectId)))
        {
            Assert.True(Now < until, $"No pending crossing for subject {subjectId} within 15 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Only the transition message carries the fixes beyond; it is sent once the rules have weighed a position.</summary>
    private static bool IsPendingOf(string message, int subjectId)
    {
        using var json = JsonDocument.Parse(message);
        var root = json.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fixesBeyond", out _)
            && root.TryGetProperty("subjectId", out var id) && id.GetInt32() == subjectId;
    }

    private Task<int> SquadOfAsync(int subjectId) => county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", subjectId));

    private Task<int> SubjectOfAsync(int squadId) =>
        county.ScalarAsync<int>("SELECT id FROM subjects WHERE status = 'InCorrection' AND squad_id = @s ORDER BY id LIMIT 1", ("s", squadId));

    private async Task<int[]> SquadsAsync() =>
        [await county.ScalarAsync<int>("SELECT min(squad_id) FROM subjects WHERE status = 'InCorrection'"),
         await county.ScalarAsync<int>("SELECT max(squad_id) FROM subjects WHERE status = 'InCorrection'")];

    /// <summary>A duty officer's hub connection that keeps every message as the raw JSON the server sent.</summary>
    private async Task<RawHub> RawHubAsync(TestSupport.Security.SignedInSession session)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/wall"), options => options.Cookies = session.Cookies).Build();
        var hub = new RawHub(connection);
        foreach (var name in HubEvents)
        {
            connection.On<JsonElement>(name, message => hub.Received.Enqueue(message.GetRawText()));
        }

        await connection.StartAsync();
        return hub;
    }

    private sealed record Phone(int Id, string Serial, string Key);

    private sealed class RawHub(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<string> Received { get; } = new();

        public IReadOnlyList<string> Messages => [.. Received];

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
