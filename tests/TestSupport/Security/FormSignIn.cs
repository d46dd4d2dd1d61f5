using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<(string Key, long Step), bool> UsedSteps = new();

    public static SignedInSession Anonymous(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        return new SignedInSession(client, cookies);
    }

    /// <param name="baseAddress">The app.</param>
    /// <param name="user">Who signs in.</param>
    /// <param name="clock">The app's clock, when a test sets it (codes are judged by the app's time).</param>
    public static async Task<SignedInSession> SignInAsync(Uri baseAddress, TestUser user, TimeProvider? clock = null)
    {
        var session = Anonymous(baseAddress);
        var response = await PostPasswordAsync(session, user.UserName, user.Password);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (location.Contains("/login/enroll"))
        {
            // Every showing of the enrolment page issues a new key: answer with the one on the page loaded.
            var page = await session.Client.GetStringAsync(location);
            var key = KeyOn(page) ?? throw new InvalidOperationException($"The enrolment page showed {user.UserName} no key.");
            response = await PostPageFormAsync(session, location, page, new() { ["Input.Code"] = await FreshCodeForAsync(key, clock) });
            location = response.Headers.Location?.ToString() ?? string.Empty;
        }
        else if (location.Contains("/login/second-factor"))
        {
            var key = user.AuthenticatorKey ?? throw new InvalidOperationException($"{user.UserName} needs a second factor but has no key.");
            response = await PostFormAsync(session, location, new() { ["Input.Code"] = await FreshCodeForAsync(key, clock) });
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
    public static async Task<HttpResponseMessage> PostFormAsync(SignedInSession session, string path, Dictionary<string, string> values) =>
        await PostPageFormAsync(session, path, await session.Client.GetStringAsync(path), values);

    /// <summary>Posts a form of a page already loaded (a page that changes with every load, such as enrolment's key).</summary>
    public static async Task<HttpResponseMessage> PostPageFormAsync(SignedInSession session, string path, string page, Dictionary<string, string> values)
    {
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string CodeFor(string authenticatorKey) => new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();

    /// <summary>The code of <paramref name="authenticatorKey"/> for the time <paramref name="offset"/> from now.</summary>
    public static string CodeFor(string authenticatorKey, TimeSpan offset) =>
        new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(DateTime.UtcNow + offset);

    /// <summary>
    /// A code of a time step this process has not used with the key yet, waiting for the next step if need be:
    /// the app takes every code once, so signing the same person in twice within 30 seconds needs two steps.
    /// </summary>
    public static async Task<string> FreshCodeForAsync(string authenticatorKey, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        while (true)
        {
            var now = clock.GetUtcNow();
            var step = now.ToUnixTimeSeconds() / 30;

            // A test's own clock does not move by waiting; it is the test's to advance.
            if (UsedSteps.TryAdd((authenticatorKey, step), true) || clock != TimeProvider.System)
            {
                return new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(now.UtcDateTime);
            }

            await Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30) + TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The authenticator key an enrolment page shows, or null when it shows none.</summary>
    public static string? KeyOn(string page) =>
        ShownKey().Match(page) is { Success: true } match ? match.Groups[1].Value.Replace(" ", string.Empty) : null;

    [GeneratedRegex("data-testid=\"authenticator-key\"[^>]*>([A-Z2-7 ]+)<")]
    private static partial Regex ShownKey();

    [GeneratedRegex("<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
