using System.Net;
using System.Text.RegularExpressions;
using CommandCenter.Security;
using CommandCenter.TestSupport.Operations;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Operations;

/// <summary>The interactive API reference at /scalar: the commander's, served from this site under the content security policy.</summary>
[Collection(OperatorsCollection.Name)]
public partial class ApiReferenceTests(OperatorsApp app)
{
    [Fact]
    public async Task TheCommanderGetsThePageAndOnlyItsOwnInlineScriptMayRun()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        using var response = await commander.Client.GetAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var nonces = NonceAttribute().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotMatch(ExternalSource(), html);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
    }

    [Fact]
    public async Task EachAnswerHasAFreshNonceAndOtherPagesNone()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var first = NonceAttribute().Match(await commander.Client.GetStringAsync("/scalar/")).Groups[1].Value;
        var second = NonceAttribute().Match(await commander.Client.GetStringAsync("/scalar/")).Groups[1].Value;
        using var other = await commander.Client.GetAsync("/site");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("nonce-", string.Join(' ', other.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData(Roles.DutyOfficer)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.SquadLeader)]
    public async Task OtherPeopleAreSentToAccessDenied(string role)
    {
        using var person = await app.SignInAsync(role);

        using var response = await person.Client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToSignIn()
    {
        using var anonymous = FormSignIn.Anonymous(app.BaseAddress);

        using var response = await anonymous.Client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString());
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();

    /// <summary>A script, style sheet or font fetched from another host: the halls have no internet.</summary>
    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalSource();
}
