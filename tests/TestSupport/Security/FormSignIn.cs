using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace CommandCenter.TestSupport.Security;

/// <summary>
/// Signs in the way a browser does: loads the sign-in page, posts the form with its antiforgery fields,
/// and answers the second-factor page with a TOTP code computed from the account's key.
/// </summary>
public static partial class FormSignIn
{
    public static SignedInSession Anonymous(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return new SignedInSession(client, cookies);
    }

    public static async Task<SignedInSession> SignInAsync(Uri baseAddress, TestUser user)
    {
        var session = Anonymous(baseAddress);
        var response = await PostPasswordAsync(session, user.UserName, user.Password);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (location.Contains("/login/second-factor") || location.Contains("/login/enroll"))
        {
            var key = user.AuthenticatorKey ?? throw new InvalidOperationException($"{user.UserName} needs a second factor but has no key.");
            response = await PostFormAsync(session, location, new() { ["Input.Code"] = CodeFor(key) });
            location = response.Headers.Location?.ToString() ?? string.Empty;
        }

        if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("/login"))
        {
            throw new InvalidOperationException($"Signing in {user.UserName} failed: {(int)response.StatusCode} {location} {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    public static Task<HttpResponseMessage> PostPasswordAsync(SignedInSession session, string userName, string password) =>
        PostFormAsync(session, "/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Loads a form page and posts it back with its hidden fields and the given values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(SignedInSession session, string path, Dictionary<string, string> values)
    {
        var page = await session.Client.GetStringAsync(path);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string CodeFor(string authenticatorKey) => new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();

    [GeneratedRegex("<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
