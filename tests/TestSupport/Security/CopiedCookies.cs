using System.Net;

namespace CommandCenter.TestSupport.Security;

/// <summary>What an attacker keeps of a session: a copy of its cookies, taken while it was signed in.</summary>
public static class CopiedCookies
{
    public static CookieContainer Of(CookieContainer cookies, Uri address)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(address))
        {
            copy.Add(address, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }

    public static SignedInSession Client(CookieContainer copy, Uri address) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = copy, AllowAutoRedirect = false }) { BaseAddress = address }, copy);
}
