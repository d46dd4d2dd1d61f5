using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.EndToEnd.Tests.Map;

/// <summary>
/// Where the county's centre falls on a map fitted to the county: the middle of its bounds in Web
/// Mercator, which is where Leaflet's fitBounds puts the middle of the map. A test hovers there.
/// </summary>
public static class CountyCentre
{
    public static async Task<(double Latitude, double Longitude)> ReadAsync(HttpClient client)
    {
        var regions = await client.GetFromJsonAsync<JsonElement>("/api/v1/map/regions");
        var county = regions.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("role").GetString() == "County");
        var (south, west, north, east) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var position in Positions(county.GetProperty("geometry").GetProperty("coordinates")))
        {
            (west, east) = (Math.Min(west, position[0]), Math.Max(east, position[0]));
            (south, north) = (Math.Min(south, position[1]), Math.Max(north, position[1]));
        }

        var y = (Mercator(south) + Mercator(north)) / 2;
        return (Math.Atan(Math.Sinh(y)) * 180 / Math.PI, (west + east) / 2);
    }

    private static double Mercator(double latitude) => Math.Log(Math.Tan(Math.PI / 4 + latitude * Math.PI / 360));

    // Every [lon, lat] of a Polygon or MultiPolygon, however deeply nested.
    private static IEnumerable<double[]> Positions(JsonElement coordinates) =>
        coordinates[0].ValueKind == JsonValueKind.Number
            ? [[coordinates[0].GetDouble(), coordinates[1].GetDouble()]]
            : coordinates.EnumerateArray().SelectMany(Positions);
}
