using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Operations;

/// <summary>The interactive API reference renders for a commander without anything from outside the site, and is refused to a duty officer.</summary>
public class ApiReferencePageTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    [Theory]
    [InlineData(1920, 1080, 1)]
    [InlineData(1920, 1080, 2)]
    public async Task TheCommanderReadsTheProductsOperationsAndCanTryOne(int width, int height, float pixelRatio)
    {
        var page = await Chromium.NewPageAsync(width, height, pixelRatio);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));

        await page.GotoAsync(new Uri(app.BaseAddress, "/scalar/").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Ingest", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Store a batch of fixes from devices").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"api-reference-{width * (int)pixelRatio}x{height * (int)pixelRatio}.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task ADutyOfficerIsSentToAccessDenied()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));

        await page.GotoAsync(new Uri(app.BaseAddress, "/scalar/").ToString());

        await page.WaitForURLAsync(url => url.Contains("/access-denied", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("Store a batch of fixes from devices")).ToHaveCountAsync(0);
    }
}
