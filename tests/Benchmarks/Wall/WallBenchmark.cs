using System.Globalization;
using System.Text.Json;
using CommandCenter.Benchmarks.Support;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.Benchmarks.Wall;

/// <summary>
/// The wall in headless Chromium with 10,000 people on the map, all moving: frames of 10,000 position
/// updates go through the same entry point the hub uses, four a second, and the browser measures how
/// long each takes from arrival to the finished canvas.
/// </summary>
internal sealed class WallBenchmark : IBenchmarkSuite
{
    public string Name => "wall";

    public async Task RunAsync(bool quick)
    {
        // About one person in twenty has no positioning order in force and is not drawn; seed enough for 10,000 on the map.
        const int people = 10_600;
        var frames = quick ? 60 : 240;
        Figures.Note($"seeding a county of {people} people (this takes a while)");
        await using var app = new CrowdedCountyApp(people);
        await app.InitializeAsync();

        await using var chromium = await Chromium.LaunchAsync();
        foreach (var (width, height) in new[] { (1920, 1080), (3840, 2160) })
        {
            var page = await chromium.NewPageAsync(width, height);
            await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Wall));
            await BlazorPage.OpenAsync(page, app.BaseAddress);
            await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            var markers = int.Parse((await page.Locator("[data-testid=wall-map]").GetAttributeAsync("data-markers"))!, CultureInfo.InvariantCulture);
            Figures.Report($"wall_markers_{width}x{height}", markers, "markers");

            var result = await page.EvaluateAsync<JsonElement>(MeasureFrames, new { frames, interval = 250 });
            Report($"{width}x{height}", result);
            await page.Context.CloseAsync();
        }

        await app.DisposeAsync();
    }

    private static void Report(string screen, JsonElement result)
    {
        Figures.Report($"wall_frame_p50_{screen}", result.GetProperty("p50").GetDouble(), "ms");
        Figures.Report($"wall_frame_p99_{screen}", result.GetProperty("p99").GetDouble(), "ms");
        Figures.Report($"wall_frame_max_{screen}", result.GetProperty("max").GetDouble(), "ms");
        Figures.Report($"wall_canvas_draw_max_{screen}", result.GetProperty("drawMax").GetDouble(), "ms");
        Figures.Report($"wall_updates_per_frame_{screen}", result.GetProperty("updates").GetDouble(), "positions");
    }

    /// <summary>
    /// In the page: moves every marker a little each frame, applies the frame, and waits for the next
    /// animation frame (after the canvas layer has drawn) to stop the clock.
    /// </summary>
    private const string MeasureFrames = """
        async ({ frames, interval }) => {
          const element = document.querySelector("[data-testid=wall-map]");
          const map = element.wallMap;
          const start = await (await fetch("/api/v1/map/positions")).json();
          const durations = [];
          for (let f = 0; f < frames; f++) {
            const positions = start.map((p) => ({
              subjectId: p.subjectId,
              squadId: p.squadId,
              latitude: p.latitude + Math.sin(f / 7 + p.subjectId) * 0.002,
              longitude: p.longitude + Math.cos(f / 7 + p.subjectId) * 0.002,
              fixTime: p.fixTime,
            }));
            const began = performance.now();
            map.applyFrame({ sequence: f + 1, positions });
            await new Promise((done) => requestAnimationFrame(() => done()));
            durations.push(performance.now() - began);
            await new Promise((done) => setTimeout(done, interval));
          }
          durations.sort((a, b) => a - b);
          const at = (q) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
          return { p50: at(0.5), p99: at(0.99), max: durations[durations.length - 1], drawMax: map.stats.maxDrawMs, updates: start.length };
        }
        """;
}
