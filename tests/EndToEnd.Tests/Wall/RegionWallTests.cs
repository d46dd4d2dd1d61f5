using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>
/// A wall opened for one squad's area (/?squad=id) in Chromium: it names the region, and what its browser is
/// sent through the hub (read off the wire, not off the map) is that squad's and nothing else.
/// </summary>
public class RegionWallTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly ViolatingFixes fixes = new(app.BaseAddress, app.ConnectionString);
    private readonly CountyRecords county = new(app.ConnectionString);

    // Listens on the wall's hub socket beside the page's own code: the squads of every position and alert it is sent.
    private const string WireListener = """
        (() => {
          const heard = (window.heardOnHub = { frames: 0, positionSquads: [], alertSquads: [] });
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              if (!String(args[0]).includes("/hubs/wall")) return;
              this.addEventListener("message", (event) => {
                if (typeof event.data !== "string") return;
                for (const record of event.data.split("\u001e")) {
                  if (!record) continue;
                  const message = JSON.parse(record);
                  if (message.type !== 1) continue;
                  if (message.target === "positionsFrame") {
                    heard.frames++;
                    heard.positionSquads.push(...message.arguments[0].squads);
                  } else if (message.target === "alertRaised" || message.target === "alertChanged") {
                    heard.alertSquads.push(message.arguments[0].squadId);
                  }
                }
              });
            }
          };
        })();
        """;

    private static ILocator Map(IPage page) => page.Locator("[data-testid=wall-map]");

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task ARegionWallNamesItsSquadAndItsBrowserIsSentNoneOfAnotherSquadsPositionsOrAlerts(int width, int height)
    {
        var first = width > 1920 ? 70 : 60;
        var (ours, ourSquad, theirs) = await TwoSquadsAsync(first);
        var squadName = await county.ScalarAsync<string>("SELECT name FROM squads WHERE id = @s", ("s", ourSquad));
        var page = await Chromium.NewPageAsync(width, height);
        await page.AddInitScriptAsync(WireListener);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Wall));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/?squad={ourSquad}"));
        await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-connection", "connected");
        await Assertions.Expect(page.Locator(".wall-header h1")).ToContainTextAsync(squadName);

        // The first paint holds the region's people only.
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        var regionPeople = await officer.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/map/positions?squad={ourSquad}");
        var markers = int.Parse((await Map(page).GetAttributeAsync("data-markers"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(markers, 1, regionPeople!.Count);

        // The other squad's alert first: had it been sent, it would be on the wire before ours.
        var (_, theirAlert) = await fixes.RaiseExitAsync(theirs);
        var (_, ourAlert) = await fixes.RaiseExitAsync(ours);
        await page.WaitForFunctionAsync(
            "id => (document.querySelector('[data-testid=wall-map]').dataset.alerts ?? '').split(',').includes(String(id))",
            ourAlert, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"[data-testid=alert-item][data-alert-id='{ourAlert}']")).ToHaveCountAsync(1);

        // Our subject's fixes come in a frame; a few frames more give the other squad's every chance to show up.
        await page.WaitForFunctionAsync("squad => window.heardOnHub.positionSquads.includes(squad)", ourSquad, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(1500);
        var heard = await page.EvaluateAsync<JsonElement>("() => window.heardOnHub");
        var positionSquads = heard.GetProperty("positionSquads").EnumerateArray().Select(s => s.GetInt32()).ToList();
        var alertSquads = heard.GetProperty("alertSquads").EnumerateArray().Select(s => s.GetInt32()).ToList();
        Assert.NotEmpty(positionSquads);
        Assert.All(positionSquads, s => Assert.Equal(ourSquad, s));
        Assert.Contains(ourSquad, alertSquads);
        Assert.All(alertSquads, s => Assert.Equal(ourSquad, s));
        Assert.DoesNotContain(theirAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), (await Map(page).GetAttributeAsync("data-alerts"))!.Split(','));
        Assert.Equal(0, await page.Locator($"[data-testid=alert-item][data-alert-id='{theirAlert}']").CountAsync());

        // A region shows part of the county: no region's name may be cut by the map's edge.
        var cutLabels = await page.EvaluateAsync<string[]>("""
            () => {
              const map = document.querySelector('[data-testid=wall-map]').getBoundingClientRect();
              return [...document.querySelectorAll('.region-label')].filter(label => {
                const box = label.getBoundingClientRect();
                return box.left < map.left || box.top < map.top || box.right > map.right || box.bottom > map.bottom;
              }).map(label => label.textContent.trim());
            }
            """);
        Assert.Empty(cutLabels);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"region-wall-{width}x{height}.png") });
    }

    [Fact]
    public async Task ASquadLeaderOpeningAnotherSquadsRegionIsToldWhyAndShownNoMap()
    {
        var (_, ourSquad, theirs) = await TwoSquadsAsync(80);
        var theirSquad = await SquadOfDeviceAsync(theirs);
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, ourSquad));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/?squad={theirSquad}"));

        await Assertions.Expect(page.Locator("[data-testid=region-refused]")).ToContainTextAsync("不在您的辖区");
        Assert.Equal(0, await Map(page).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("region-wall-refused-1920x1080.png") });

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/?squad=%3Cb%3E1%3C%2Fb%3E"));
        await Assertions.Expect(page.Locator("[data-testid=region-refused]")).ToContainTextAsync("<b>1</b>");
        Assert.Equal(0, await page.Locator("[data-testid=region-refused] b").CountAsync());
    }

    [Fact]
    public async Task AWallAskedForASquadThatIsNotInServiceSaysSo()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Wall));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/?squad=999999"));

        await Assertions.Expect(page.Locator("[data-testid=region-refused]")).ToContainTextAsync("没有编号为 999999 的在编中队");
        Assert.Equal(0, await Map(page).CountAsync());
    }

    /// <summary>The device index <paramref name="from"/>, its squad, and the first device index after it of another squad.</summary>
    private async Task<(int Ours, int OurSquad, int Theirs)> TwoSquadsAsync(int from)
    {
        var ourSquad = await SquadOfDeviceAsync(from);
        var theirs = from + 1;
        while (await SquadOfDeviceAsync(theirs) == ourSquad)
        {
            theirs++;
        }

        return (from, ourSquad, theirs);
    }

    private async Task<int> SquadOfDeviceAsync(int index)
    {
        var device = await county.VisibleDeviceAsync(index);
        return await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
    }
}
