using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.TestSupport.Live;

/// <summary>A duty officer signed in to the app, with the wall's live stream open: most alert tests act as one and listen as one.</summary>
public sealed class WatchingOfficer : IAsyncDisposable
{
    private WatchingOfficer(SignedInSession session, WallListener wall)
    {
        Session = session;
        Wall = wall;
    }

    public SignedInSession Session { get; }

    public HttpClient Client => Session.Client;

    public WallListener Wall { get; }

    public static async Task<WatchingOfficer> SignInAsync(CommandCenterApp app)
    {
        var session = await app.SignInAsync(Roles.DutyOfficer);
        return new WatchingOfficer(session, await WallListener.ConnectAsync(app.BaseAddress, session.Cookies));
    }

    public async ValueTask DisposeAsync()
    {
        await Wall.DisposeAsync();
        Session.Dispose();
    }
}
