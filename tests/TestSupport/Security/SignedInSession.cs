using System.Net;

namespace CommandCenter.TestSupport.Security;

/// <summary>An HTTP client carrying a signed-in person's cookies (redirects are not followed, so tests see them).</summary>
public sealed record SignedInSession(HttpClient Client, CookieContainer Cookies) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
