using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>
/// The wall's own clustering (wwwroot-assets/src/grid-clusters.js) run in Chromium on a blank page: which people
/// become a bubble, which stay dots, and how overlapping bubbles merge. Cells are 10 pixels, a bubble forms
/// from 3 people, and every bubble's radius is 4 pixels, so two bubbles closer than 8 pixels merge.
/// </summary>
public class GridClustersTests : BrowserTest
{
    private const string Cluster = """
        ({ people, width, height }) => window.gridClusters(
          {
            count: people.length,
            xs: Float64Array.from(people, (p) => p[0]),
            ys: Float64Array.from(people, (p) => p[1]),
            states: Uint8Array.from(people, (p) => p[2] ?? 0),
          },
          { width, height, cell: 10, clusterAt: 3, bubbleRadius: () => 4 })
        """;

    private async Task<JsonElement> ClusterAsync(double[][] people, int width = 100, int height = 100)
    {
        var page = await Chromium.NewPageAsync(400, 300);
        await page.SetContentAsync("<!doctype html><title>grid clusters</title>");
        var source = await File.ReadAllTextAsync(Path.Combine(Artifacts.RepositoryRoot(), "wwwroot-assets", "src", "grid-clusters.js"));
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Type = "module", Content = source + "\nwindow.gridClusters = gridClusters;" });
        await page.WaitForFunctionAsync("() => typeof window.gridClusters === 'function'");
        return await page.EvaluateAsync<JsonElement>(Cluster, new { people, width, height });
    }

    private static int[] Dots(JsonElement result) => [.. result.GetProperty("dots").EnumerateArray().Select(d => d.GetInt32())];

    private static List<(double X, double Y, int Count, int Pending)> Bubbles(JsonElement result) =>
        [.. result.GetProperty("bubbles").EnumerateArray().Select(b => (b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(), b.GetProperty("count").GetInt32(), b.GetProperty("pending").GetInt32()))];

    [Fact]
    public async Task ACellWithEnoughPeopleIsOneBubbleWithTheirNumberAndCentre()
    {
        var result = await ClusterAsync([[51, 51], [53, 52], [55, 57]]);

        Assert.Empty(Dots(result));
        var bubble = Assert.Single(Bubbles(result));
        Assert.Equal(3, bubble.Count);
        Assert.Equal(53, bubble.X, 6);
        Assert.Equal(160 / 3.0, bubble.Y, 6);
    }

    [Fact]
    public async Task ACellWithFewerPeopleShowsEachOnTheirOwn()
    {
        var result = await ClusterAsync([[51, 51], [53, 52], [75, 75]]);

        Assert.Equal([0, 1, 2], Dots(result));
        Assert.Empty(Bubbles(result));
    }

    [Fact]
    public async Task SomeoneInAlertIsDrawnOnTheirOwnAndStillCountedInTheBubble()
    {
        var result = await ClusterAsync([[51, 51], [52, 52, 2], [53, 53], [54, 54, 1]]);

        Assert.Equal([1], Dots(result));
        var bubble = Assert.Single(Bubbles(result));
        Assert.Equal(4, bubble.Count);
        Assert.Equal(1, bubble.Pending);
    }

    [Fact]
    public async Task PeopleWithinACellOfTheEdgeCountAndThoseFurtherOffScreenDoNot()
    {
        var result = await ClusterAsync([[-5, 50], [105, 50], [50, 109], [-11, 50], [50, 111], [300, -300]]);

        Assert.Equal([0, 1, 2], Dots(result));
        Assert.Empty(Bubbles(result));
    }

    [Fact]
    public async Task BubblesThatWouldOverlapMergeTheLargerTakingTheSmaller()
    {
        // Four people in the cell at 10..20 and three in the next one; their centres are about 7 pixels apart.
        var result = await ClusterAsync([[16, 15], [17, 15], [18, 15], [19, 15], [22, 15], [23, 15], [27, 15, 1]]);

        var bubble = Assert.Single(Bubbles(result));
        Assert.Equal(7, bubble.Count);
        Assert.Equal(1, bubble.Pending);
        Assert.Equal(((17.5 * 4) + (24 * 3)) / 7, bubble.X, 6);
    }

    [Fact]
    public async Task BubblesFarApartStaySeparateLargestFirst()
    {
        var result = await ClusterAsync([[11, 11], [12, 12], [13, 13], [81, 81], [82, 82], [83, 83], [84, 84]]);

        Assert.Equal([4, 3], Bubbles(result).Select(b => b.Count));
    }
}
