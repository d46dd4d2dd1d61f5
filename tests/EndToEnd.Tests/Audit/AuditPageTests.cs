using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Audit;

public class AuditPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task TheAuditorSeesEveryBrokenLinkOfATamperedTrail()
    {
        var trail = app.Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= 4; i++)
        {
            await trail.AppendAsync(new AuditRecord("tester", AuditActions.Unmask, $"subject:PY2024000{i}", "case review"));
        }

        // Two entries rewritten by the owner of the tables, behind the app's back.
        await new CountyRecords(app.ConnectionString).ExecuteAsync("""
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;
            UPDATE audit_entries SET detail = 'routine' WHERE target IN ('subject:PY20240001', 'subject:PY20240003');
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;
            """);
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Auditor));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/audit"));

        await page.Locator("[data-testid=audit-verify]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=audit-break]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=audit-chain]")).ToContainTextAsync("2");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("audit-broken-1920x1080.png") });
    }
}
