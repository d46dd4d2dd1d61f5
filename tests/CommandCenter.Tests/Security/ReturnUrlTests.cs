using System.Net;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>Every returnUrl is followed only when it is a local path by the rules of Url.IsLocalUrl.</summary>
public class ReturnUrlTests(CommandCenterApp app) : IClassFixture<CommandCenterApp>
{
    /// <summary>What browsers read as another site, and what would split the Location header.</summary>
    public static TheoryData<string> Attacks => new()
    {
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "\\\\evil.example/",
        "https://evil.example/",
        "javascript:alert(1)",
        "/desk\r\nSet-Cookie: planted=1",
        "/desk\nLocation: https://evil.example/",
        "/\r/evil.example/",
        "/desk\u0000",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task TheLanguageSwitchRefusesAReturnUrlThatIsNotLocalWithA400NamingIt(string attack)
    {
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);

        var response = await visitor.Client.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString(attack)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("returnUrl", out _));
    }

    [Theory]
    [InlineData("/desk?alert=5", "/desk?alert=5")]
    [InlineData("/", "/")]
    public async Task TheLanguageSwitchReturnsToALocalPath(string returnUrl, string expected)
    {
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);

        var response = await visitor.Client.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task SigningInWithAReturnUrlThatIsNotLocalLandsOnTheHomePage(string attack)
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        var response = await FormSignIn.PostFormAsync(session, $"/login?returnUrl={Uri.EscapeDataString(attack)}", new()
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = new Uri(app.BaseAddress, response.Headers.Location!);
        Assert.Equal(app.BaseAddress.Authority, landing.Authority);
        Assert.Equal("/", landing.PathAndQuery);
    }
}
