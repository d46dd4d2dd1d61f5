using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>
/// The wall's people layer works out screen points itself from Mercator metres, not through Leaflet: every person
/// must still land on the pixel Leaflet gives their latitude and longitude, at the first paint and after a
/// packed frame from the hub has moved them.
/// </summary>
public class PeopleLayerTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    // Keeps each Leaflet map the page makes, so the test can ask Leaflet itself where a point lies.
    private const string KeepMaps = """
        (() => {
          window.leafletMaps = [];
          let kept;
          Object.defineProperty(window, "L", {
            configurable: true,
            get: () => kept,
            set: (leaflet) => {
              kept = leaflet;
              leaflet?.Map?.addInitHook(function () { window.leafletMaps.push(this); });
            },
          });
        })();
        """;

    // The largest distance, in pixels, between where the layer drew a person and where Leaflet puts them, over
    // everyone on the layer; and where the layer holds the subject asked for.
    private const string Compare = """
        (subjectId) => {
          const map = window.leafletMaps.find((m) => m.getContainer().closest("[data-testid=wall-map]"));
          let layer;
          map.eachLayer((l) => { if (l._slots) layer = l; });
          layer._toScreen();
          let worst = 0;
          for (let i = 0; i < layer._count; i++) {
            const point = map.latLngToContainerPoint([layer._lats[i], layer._lngs[i]]);
            worst = Math.max(worst, Math.abs(point.x - layer._xs[i]), Math.abs(point.y - layer._ys[i]));
          }
          const slot = layer._slots.get(subjectId);
          return { worst, people: layer._count, latitude: slot === undefined ? null : layer._lats[slot], longitude: slot === undefined ? null : layer._lngs[slot] };
        }
        """;

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task EveryPersonIsDrawnWhereLeafletPutsThemBeforeAndAfterAFrameMovesThem(int width, int height)
    {
        var page = await Chromium.NewPageAsync(width, height);
        await page.AddInitScriptAsync(KeepMaps);
        await WallScreen.OpenAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Wall));
        await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-connection", "connected");
        var device = await county.VisibleDeviceAsync(width > 1920 ? 31 : 30);

        var first = await page.EvaluateAsync<JsonElement>(Compare, device.SubjectId);
        Assert.True(first.GetProperty("people").GetInt32() >= 500, $"{first.GetProperty("people")} people on the layer");
        Assert.InRange(first.GetProperty("worst").GetDouble(), 0, 1);

        // A fix inside the county, as a device sends it: the frame that carries it moves the person.
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, TimeProvider.System.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await page.WaitForFunctionAsync(
            $"([id, latitude]) => ({Compare})(id).latitude === latitude", new object[] { device.SubjectId, Fixes.InsideLatitude },
            new PageWaitForFunctionOptions { Timeout = 15_000 });

        var moved = await page.EvaluateAsync<JsonElement>(Compare, device.SubjectId);
        Assert.Equal(Fixes.InsideLongitude, moved.GetProperty("longitude").GetDouble(), 6);
        Assert.InRange(moved.GetProperty("worst").GetDouble(), 0, 1);
    }
}
