using System.Net;
using System.Net.Http.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.FieldMessages;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.FieldMessages;

public class FieldChannelsPageTests(FieldMessagesApp app) : BrowserTest, IClassFixture<FieldMessagesApp>
{
    private const string Secret = "SECbrowser-entered-secret-51c0";
    private const string Token = "browser-token-93ab";

    [Fact]
    public async Task ACommanderAddsASignedDingTalkChannelFromTheSettingsAndItsTestMessageArrivesWithAValidSignature()
    {
        using (var commander = await app.SignInAsync(Roles.Commander))
        {
            var sms = await commander.Client.PostAsJsonAsync("/api/v1/site/field-channels", new
            {
                name = "中队长短信", kind = "Sms", squad = "*", squadLeaders = true, phones = new[] { "13800000001" },
                url = app.Receiver.Url("/sms/send?user=cc&key={secret}"), secret = "sms-credential", body = "{\"mobile\":\"{phone}\",\"content\":\"{text}\"}",
            });
            Assert.Equal(HttpStatusCode.Created, sms.StatusCode);
        }

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/settings"));
        await page.GetByTestId("settings-field-channels").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=field-channels-page][data-ready=true]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=form-name]").FillAsync("大队值班钉钉群");
        await page.Locator("[data-testid=form-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "钉钉群机器人" }).ClickAsync();
        await page.Locator("[data-testid=form-url]").FillAsync("ftp://wrong");
        await page.Locator("[data-testid=form-secret]").FillAsync(Secret);
        await page.GetByTestId("form-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=channels-table] tr[data-channel]")).ToHaveCountAsync(1);

        await page.Locator("[data-testid=form-url]").FillAsync(app.Receiver.Url($"/robot/send?access_token={Token}"));
        await page.GetByTestId("form-save").ClickAsync();
        var row = page.Locator("[data-testid=channels-table] tr[data-channel]").Filter(new() { HasText = "大队值班钉钉群" });
        await Assertions.Expect(row).ToContainTextAsync("已设置");
        await Assertions.Expect(row).ToContainTextAsync("access_token=***");

        await row.GetByTestId("channel-test").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=test-result][data-accepted=true]")).ToBeVisibleAsync();
        var sent = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith($"/robot/send?access_token={Token}&", StringComparison.Ordinal) && r.Body.Contains("【测试】", StringComparison.Ordinal));
        DingTalkSignatures.AssertValid(sent.PathAndQuery, Secret);

        // Editing shows the stored address and secret as set, never their values.
        await row.GetByTestId("channel-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret-kept")).ToContainTextAsync("已设置");
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain(Token, html);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("field-channels-1920x1080.png") });
        foreach (var (width, height, ratio, name) in new[] { (1920, 1080, 2f, "field-channels-3840x2160.png"), (390, 844, 3f, "field-channels-390x844.png") })
        {
            var other = await Chromium.NewPageAsync(width, height, ratio);
            await BlazorPage.SignInAsync(other, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
            await BlazorPage.OpenAsync(other, new Uri(app.BaseAddress, "/site/channels"));
            await Assertions.Expect(other.Locator("[data-testid=channels-table] tr[data-channel]")).ToHaveCountAsync(2);
            await other.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(name), FullPage = true });
        }
    }
}
