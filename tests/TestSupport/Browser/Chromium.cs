using Microsoft.Playwright;

namespace CommandCenter.TestSupport.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright: no browser download (none is possible here), and the flags
/// that keep it from reaching for the network at start.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts Chromium as a wall kiosk runs it: the critical-alert chime needs no click first.</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        // The whole suite runs its test projects side by side on two cores: a save that round-trips the
        // database and redraws a page can take longer than Playwright's 5-second default. Assertions that
        // state a product target (an alert on the wall within 1 s) give their own timeout and keep it.
        Assertions.SetDefaultExpectTimeout(15_000);

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                "--autoplay-policy=no-user-gesture-required",
            ],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A page at the given screen size, Chinese locale, Asia/Shanghai time as in the hall. A desk monitor
    /// at 4K runs at the operating system's 200 % scaling: 1920×1080 with a <paramref name="pixelRatio"/> of 2.
    /// A <paramref name="touch"/> page is a phone's or tablet's browser: a touch screen, and the page's viewport tag honoured.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width, int height, float pixelRatio = 1, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = pixelRatio,
            HasTouch = touch,
            IsMobile = touch,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(message.Text);
                }
            }
        };
        return page;
    }

    /// <summary>Errors the pages wrote to the console (a content-security-policy violation shows up here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
