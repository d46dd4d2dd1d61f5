using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Squads;

/// <summary>
/// Steps on the squads' set-up map that wait for the map itself rather than for a guessed time: under a whole
/// suite's load a zoom animation or the server's answer to "pick the base" can take longer than any pause.
/// </summary>
internal static partial class SquadMapSteps
{
    /// <summary>One zoom step out; answers the map's box once the view has settled, so that clicks at fractions of it land where meant.</summary>
    public static async Task<LocatorBoundingBoxResult> ZoomOutOnceAsync(IPage page, ILocator map)
    {
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", AnyValue());
        var before = await map.GetAttributeAsync("data-zoom");
        await page.Locator(".leaflet-control-zoom-out").ClickAsync();
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-zoom", before!);
        return (await map.BoundingBoxAsync())!;
    }

    /// <summary>"Pick the base", then a click at the given fractions of the map's box once the map is waiting for it.</summary>
    public static async Task PickBaseAsync(IPage page, ILocator map, LocatorBoundingBoxResult box, double x, double y)
    {
        await page.GetByTestId("squad-pick-base").ClickAsync();
        await Assertions.Expect(map).ToHaveClassAsync(PickingBase());
        await page.Mouse.ClickAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
    }

    [GeneratedRegex(".")]
    private static partial Regex AnyValue();

    [GeneratedRegex(@"\bpicking-base\b")]
    private static partial Regex PickingBase();
}
