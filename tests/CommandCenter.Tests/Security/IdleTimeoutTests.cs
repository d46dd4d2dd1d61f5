using System.Net;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Security;

/// <summary>The app on a clock the test turns: desk sessions end after 30 idle minutes, the wall's do not.</summary>
public class FakeClockApp : SmallCountyApp
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public class IdleTimeoutTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task ADeskSessionEndsAfterThirtyMinutesWithoutActivity()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task ReportedActivityKeepsTheDeskSessionAlive()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.PostAsync("/api/v1/session/activity", null)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task TheWallIsNeverSignedOutForIdleness()
    {
        using var session = await app.SignInAsync(Roles.Wall);

        app.Clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/alerts")).StatusCode);
    }
}
