using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>
/// Signing out and a commander's revocation end the session on the server: a cookie copied before is refused
/// by pages, the API and the hub, on both nodes, and live connections of the session are closed.
/// </summary>
public class SessionRevocationTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Reach = TimeSpan.FromSeconds(10);

    private Uri First => nodes.First.BaseAddress;

    private Uri Second => nodes.Second.BaseAddress;

    [Fact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedAfterwardsByPagesTheApiAndTheHub()
    {
        using var officer = await nodes.First.SignInAsync(Roles.DutyOfficer);
        var copy = CopiedCookies.Of(officer.Cookies, First);
        using var attacker = CopiedCookies.Client(copy, First);
        Assert.Equal(HttpStatusCode.OK, (await attacker.Client.GetAsync("/api/v1/alerts")).StatusCode);

        await officer.Client.PostAsync("/logout", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.Client.GetAsync("/api/v1/alerts")).StatusCode);
        var page = await attacker.Client.GetAsync("/desk");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        var hub = await Assert.ThrowsAsync<HttpRequestException>(() => HubProbe.ConnectAsync(First, "/hubs/wall", CopiedCookies.Of(copy, First)));
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
    }

    [Fact]
    public async Task SigningOutOnOneNodeEndsTheSessionOnTheOtherToo()
    {
        using var officer = await nodes.First.SignInAsync(Roles.DutyOfficer);
        var onSecond = CopiedCookies.Of(officer.Cookies, First);
        using var attacker = CopiedCookies.Client(CopiedCookies.Of(onSecond, Second), Second);
        Assert.Equal(HttpStatusCode.OK, (await attacker.Client.GetAsync("/api/v1/alerts")).StatusCode);
        await using var hubOnSecond = await HubProbe.ConnectAsync(Second, "/hubs/wall", CopiedCookies.Of(onSecond, Second));

        await officer.Client.PostAsync("/logout", null);

        Assert.True(await hubOnSecond.IsClosedWithinAsync(Reach), "the other node's hub connection stayed open");
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.Client.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task AnOpenHubConnectionIsClosedOnSignOut()
    {
        using var officer = await nodes.First.SignInAsync(Roles.DutyOfficer);
        await using var hub = await HubProbe.ConnectAsync(First, "/hubs/wall", officer.Cookies);

        await officer.Client.PostAsync("/logout", null);

        Assert.True(await hub.IsClosedWithinAsync(Reach), "the hub connection outlived the sign-out");
    }

    [Fact]
    public async Task ACommanderSeesTheWallsSessionAndRevokingItClosesTheWallEverywhere()
    {
        using var wall = await nodes.First.SignInAsync(Roles.Wall);
        await using var wallHub = await HubProbe.ConnectAsync(First, "/hubs/wall", wall.Cookies);
        await using var wallHubOnSecond = await HubProbe.ConnectAsync(Second, "/hubs/wall", CopiedCookies.Of(wall.Cookies, First));
        using var commander = await nodes.Second.SignInAsync(Roles.Commander);

        var sessions = await commander.Client.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions");
        var wallSession = Assert.Single(sessions!, s => s.Role == Roles.Wall && s.LastSeen >= s.Since);
        Assert.Equal("127.0.0.1", wallSession.RemoteAddress);
        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.DeleteAsync($"/api/v1/sessions/{wallSession.Id}")).StatusCode);

        Assert.True(await wallHubOnSecond.IsClosedWithinAsync(Reach), "the wall's connection on the revoking node stayed open");
        Assert.True(await wallHub.IsClosedWithinAsync(Reach), "the wall's connection on the other node stayed open");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.Client.GetAsync("/api/v1/map/positions")).StatusCode);
        Assert.DoesNotContain(await commander.Client.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions") ?? [], s => s.Id == wallSession.Id);
        var audit = await AuditRows.WhereAsync(nodes.First.ConnectionString, AuditActions.SessionRevoked);
        Assert.Contains(audit, row => row.Target == $"session:{wallSession.Id}" && row.Detail!.Contains(Roles.Wall));
    }

    [Fact]
    public async Task OnlyACommanderListsOrRevokesSessions()
    {
        using var officer = await nodes.First.SignInAsync(Roles.DutyOfficer);
        using var commander = await nodes.First.SignInAsync(Roles.Commander);
        var sessions = await commander.Client.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions");
        var mine = Assert.Single(sessions!, s => s.IsMine);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync("/api/v1/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.DeleteAsync($"/api/v1/sessions/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.DeleteAsync("/api/v1/sessions/no-such-session")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await commander.Client.DeleteAsync($"/api/v1/sessions/{new string('a', 200)}")).StatusCode);
    }

    private sealed record SessionRow(string Id, string UserName, string Role, DateTimeOffset Since, DateTimeOffset LastSeen, string? RemoteAddress, bool IsMine);
}
