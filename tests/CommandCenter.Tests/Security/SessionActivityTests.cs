using System.Security.Claims;
using CommandCenter.Security;
using CommandCenter.Security.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Security;

public class SessionActivityTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private static ClaimsPrincipal Person(string role, string session) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role), new Claim(ClaimNames.Session, session)], "test"));

    [Fact]
    public void ASessionIsIdleOnceTheTimeoutPassesWithoutInput()
    {
        var activity = new SessionActivity(clock, Options.Create(new SecurityOptions()));
        activity.Touch("a");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.False(activity.IsIdle(Person(Roles.DutyOfficer, "a")));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(activity.IsIdle(Person(Roles.DutyOfficer, "a")));
    }

    [Fact]
    public void AnUnknownSessionCountsAsIdleButTheWallNeverDoes()
    {
        var activity = new SessionActivity(clock, Options.Create(new SecurityOptions()));

        Assert.True(activity.IsIdle(Person(Roles.DutyOfficer, "never-seen")));
        Assert.False(activity.IsIdle(Person(Roles.Wall, "never-seen")));
    }
}
