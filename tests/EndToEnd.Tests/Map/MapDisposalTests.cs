using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Map;

/// <summary>A page left while its map is still loading leaves no map, observer or hub connection behind.</summary>
public class MapDisposalTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    // Before the page's scripts run: remember every map element the page ever had, the resize observers
    // watching one, and every hub socket, so that what outlives its page can be counted afterwards.
    private const string Watch = """
        (() => {
          const maps = new Set();
          new MutationObserver(() => document.querySelectorAll("[data-testid$='-map']").forEach((m) => maps.add(m)))
            .observe(document, { childList: true, subtree: true });
          const observing = new Set();
          const observe = ResizeObserver.prototype.observe;
          ResizeObserver.prototype.observe = function (target, options) {
            if (target.matches?.("[data-testid$='-map']")) observing.add(this);
            return observe.call(this, target, options);
          };
          const disconnect = ResizeObserver.prototype.disconnect;
          ResizeObserver.prototype.disconnect = function () {
            observing.delete(this);
            return disconnect.call(this);
          };
          const sockets = [];
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(url, protocols) {
              super(url, protocols);
              if (String(url).includes("/hubs/")) sockets.push(this);
            }
          };
          window.leftBehind = () => ({
            maps: [...maps].filter((m) => m.querySelector(".leaflet-map-pane")).length,
            observers: observing.size,
            hubs: sockets.filter((s) => s.readyState !== Socket.CLOSED).length,
          });
        })();
        """;

    [Fact]
    public async Task LeavingTheCamerasAndTheWallWhileTheirMapsLoadLeavesNothingBehind()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await page.AddInitScriptAsync(Watch);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        var seen = new List<string>();
        page.Request += (_, request) => { lock (seen) seen.Add(request.Url); };
        page.Console += (_, message) => { lock (seen) seen.Add($"console {message.Type}: {message.Text}"); };
        var held = 0;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/v1/map/regions", async route =>
        {
            Interlocked.Increment(ref held);
            await release.Task;
            await route.ContinueAsync();
        });

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/cameras"));
        await WaitForHeldAsync(page, () => held, 1, seen);
        await page.EvaluateAsync("() => Blazor.navigateTo('/')");
        await WaitForHeldAsync(page, () => held, 2, seen);
        await page.EvaluateAsync("() => Blazor.navigateTo('/subjects')");
        await Assertions.Expect(page.Locator("[data-testid$='-map']")).ToHaveCountAsync(0);
        release.SetResult();

        // The held answers arrive, the modules finish what they were doing, then nothing of them may remain:
        // on a busy machine that takes a while, so the page is watched until it is clean or half a minute passed.
        try
        {
            await page.WaitForFunctionAsync("() => Object.values(window.leftBehind()).every((count) => count === 0)", null,
                new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            // Reported below with what is left.
        }

        var left = await page.EvaluateAsync<string>("() => JSON.stringify(window.leftBehind())");
        Assert.Equal("""{"maps":0,"observers":0,"hubs":0}""", left);

        // A component that finishes its first render after its map was closed must not break the circuit.
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("is not a function", StringComparison.Ordinal)
            || e.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task WaitForHeldAsync(IPage page, Func<int> held, int count, List<string> seen)
    {
        for (var waited = 0; held() < count; waited += 100)
        {
            if (waited >= 30_000)
            {
                string log;
                lock (seen)
                {
                    log = string.Join("\n", seen);
                }

                Assert.Fail($"{held()} map requests held, {count} expected; the page at {page.Url} saw:\n{log}");
            }

            await page.WaitForTimeoutAsync(100);
        }
    }
}
