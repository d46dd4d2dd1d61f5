using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

public class CoDefendantsPanelTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ASquadLeaderLinksTwoOfTheirPeopleOnOnePageAndTheLinkShowsOnTheOthersPage()
    {
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects GROUP BY squad_id ORDER BY count(*) DESC LIMIT 1");
        var first = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE squad_id = @q ORDER BY id LIMIT 1", ("q", squad));
        var second = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE squad_id = @q ORDER BY id OFFSET 1 LIMIT 1", ("q", squad));
        var secondCode = await county.ScalarAsync<string>("SELECT code FROM subjects WHERE id = @s", ("s", second));
        var firstCode = await county.ScalarAsync<string>("SELECT code FROM subjects WHERE id = @s", ("s", first));
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad);
        var page = await OpenSubjectAsync(leader, first, 1920, 1080);

        await Assertions.Expect(page.Locator("[data-testid=co-defendants-none]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=co-defendant-add]").ClickAsync();
        await page.Locator("[data-testid=co-defendant-pick]").FillAsync(secondCode);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = secondCode }).First.ClickAsync();
        await page.Locator("[data-testid=co-defendant-form]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath("co-defendant-form.png") });
        await page.Locator("[data-testid=co-defendant-save]").ClickAsync();

        var linked = page.Locator("[data-testid=co-defendant]");
        await Assertions.Expect(linked).ToHaveAttributeAsync("data-subject-id", second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(linked).ToContainTextAsync(secondCode);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.Locator("[data-testid=co-defendants]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("co-defendants-1920x1080.png") });
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"), "the page scrolls sideways");

        // The link is one and the same from the other side, at a 4K desk's scale and on a squad leader's phone.
        var large = await OpenSubjectAsync(leader, second, 1920, 1080, pixelRatio: 2);
        await Assertions.Expect(large.Locator("[data-testid=co-defendant]")).ToContainTextAsync(firstCode);
        await large.Locator("[data-testid=co-defendants]").ScrollIntoViewIfNeededAsync();
        await large.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("co-defendants-3840x2160.png") });
        var phone = await OpenSubjectAsync(leader, second, 390, 844, touch: true);
        await Assertions.Expect(phone.Locator("[data-testid=co-defendant]")).ToContainTextAsync(firstCode);
        await phone.Locator("[data-testid=co-defendants]").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("co-defendants-390x844.png") });
        await phone.Locator("[data-testid=co-defendants]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath("co-defendants-panel-390x844.png") });

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM co_defendant_links WHERE subject_id = @a AND other_subject_id = @b AND linked_by = @by",
            ("a", Math.Min(first, second)), ("b", Math.Max(first, second)), ("by", leader.UserName)));
    }

    private async Task<IPage> OpenSubjectAsync(TestUser user, int subjectId, int width, int height, float pixelRatio = 1, bool touch = false)
    {
        var page = await Chromium.NewPageAsync(width, height, pixelRatio, touch);
        await BlazorPage.SignInAsync(page, app.BaseAddress, user);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{subjectId}"));

        // The panel loads after the page: once its head is in, nothing moves under the clicks.
        await Assertions.Expect(page.Locator("[data-testid=co-defendants]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }
}
