using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace CommandCenter.Ingest;

/// <summary>
/// Reads the OsmAnd protocol as Traccar documents it (https://www.traccar.org/osmand/), so that phones
/// running Traccar Client and Traccar servers can feed the command center:
/// <list type="bullet">
/// <item>query or form parameters: <c>id</c>/<c>deviceid</c>, <c>timestamp</c> (epoch seconds or
/// milliseconds, ISO 8601, or <c>yyyy-MM-dd HH:mm:ss</c> in UTC), <c>lat</c>, <c>lon</c> (or
/// <c>location=lat,lon</c>), <c>speed</c> (knots), <c>bearing</c>/<c>heading</c>, <c>accuracy</c>,
/// <c>batt</c> (percent), <c>charge</c>; other parameters (altitude, hdop, cell, wifi ...) are accepted and
/// not stored;</item>
/// <item>the JSON body of Traccar Client 9: <c>{"location": {"timestamp", "coords": {"latitude",
/// "longitude", "accuracy", "speed" (m/s), "heading"}, "battery": {"level" (0 to 1), "is_charging"}},
/// "device_id"}</c>, the location also as an array.</item>
/// </list>
/// Our additions: the device key as <c>key</c> (in the URL, which Traccar Client lets one configure, or in
/// the JSON's <c>location.extras.key</c>), and <c>event</c> (or Traccar's <c>alarm</c>) for power-off and
/// tamper reports. A fix without a time is taken as received now, as Traccar does.
/// </summary>
public static class OsmAndParser
{
    private const double KmhPerKnot = 1.852;
    private const double KmhPerMetrePerSecond = 3.6;

    public static async Task<OsmAndRequest> ParseAsync(HttpRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            return ParseJson(document.RootElement, request.Query["key"].ToString(), now);
        }

        IEnumerable<KeyValuePair<string, StringValues>> parameters = request.Query;
        if (request.Query.Count == 0)
        {
            if (request.HasFormContentType)
            {
                parameters = await request.ReadFormAsync(cancellationToken);
            }
            else
            {
                // Traccar reads a body without a content type as a query string too.
                using var body = new StreamReader(request.Body);
                parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await body.ReadToEndAsync(cancellationToken));
            }
        }

        return ParseParameters(parameters.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal), now);
    }

    public static OsmAndRequest ParseParameters(IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        var problems = new List<ItemProblem>();
        string? Text(params string[] names) => names.Select(n => values.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        double? Number(string name, string? text) => ParseNumber(text, $"osmand.{name}", problems);

        double? latitude = Number("lat", Text("lat"));
        double? longitude = Number("lon", Text("lon"));
        if (Text("location") is { } location)
        {
            var parts = location.Split(',');
            if (parts.Length != 2)
            {
                problems.Add(new("osmand.location", "The location must be 'latitude,longitude'."));
            }
            else
            {
                latitude = Number("location", parts[0]);
                longitude = Number("location", parts[1]);
            }
        }

        var battery = Number("batt", Text("batt"));
        var item = new PositionItem
        {
            Device = Text("id", "deviceid"),
            Key = Text("key"),
            Time = ParseTimestamp(Text("timestamp"), now, problems),
            Latitude = latitude,
            Longitude = longitude,
            Accuracy = Number("accuracy", Text("accuracy")),
            Speed = Number("speed", Text("speed")) * KmhPerKnot,
            Heading = Number("bearing", Text("bearing", "heading")),
            Battery = battery is { } percent ? (int)Math.Round(percent) : null,
            Charging = ParseFlag(Text("charge"), "osmand.charge", problems),
            Event = Text("event", "alarm"),
        };
        return new OsmAndRequest([item], problems);
    }

    public static OsmAndRequest ParseJson(JsonElement root, string? keyFromUrl, DateTimeOffset now)
    {
        var problems = new List<ItemProblem>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("location", out var location))
        {
            problems.Add(new("location", "The body must be an object with 'location' and 'device_id', as Traccar Client sends it."));
            return new OsmAndRequest([], problems);
        }

        var device = root.TryGetProperty("device_id", out var id) ? AsText(id) : null;
        var locations = location.ValueKind == JsonValueKind.Array ? [.. location.EnumerateArray()] : new List<JsonElement> { location };
        var items = new List<PositionItem>(locations.Count);
        for (var index = 0; index < locations.Count; index++)
        {
            var path = locations.Count == 1 && location.ValueKind != JsonValueKind.Array ? "location" : $"location[{index}]";
            items.Add(ReadLocation(locations[index], path, device, keyFromUrl, now, problems));
        }

        return new OsmAndRequest(items, problems);
    }

    private static PositionItem ReadLocation(JsonElement location, string path, string? device, string? keyFromUrl, DateTimeOffset now, List<ItemProblem> problems)
    {
        if (location.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "A location must be an object."));
            return new PositionItem { Device = device };
        }

        var coords = Child(location, "coords");
        var battery = Child(location, "battery");
        var extras = Child(location, "extras");
        double? Number(JsonElement? parent, string parentPath, string name) =>
            parent is { } p && p.TryGetProperty(name, out var value) ? ReadNumber(value, $"{parentPath}.{name}", problems) : null;

        var timestamp = location.TryGetProperty("timestamp", out var time) ? AsText(time) : null;
        var level = Number(battery, $"{path}.battery", "level");
        var speed = Number(coords, $"{path}.coords", "speed");
        var heading = Number(coords, $"{path}.coords", "heading");
        var accuracy = Number(coords, $"{path}.coords", "accuracy");
        return new PositionItem
        {
            Device = device,
            Key = !string.IsNullOrEmpty(keyFromUrl) ? keyFromUrl : extras is { } e && e.TryGetProperty("key", out var key) ? AsText(key) : null,
            Time = ParseTimestamp(timestamp, now, problems, $"{path}.timestamp"),
            Latitude = Number(coords, $"{path}.coords", "latitude"),
            Longitude = Number(coords, $"{path}.coords", "longitude"),

            // The location SDK reports -1 for what it does not know.
            Accuracy = accuracy >= 0 ? accuracy : null,
            Speed = speed >= 0 ? speed * KmhPerMetrePerSecond : null,
            Heading = heading >= 0 ? heading : null,
            Battery = level is >= 0 and <= 1 ? (int)Math.Round(level.Value * 100) : null,
            Charging = battery is { } b && b.TryGetProperty("is_charging", out var charging) ? ReadFlag(charging, $"{path}.battery.is_charging", problems) : null,
            Event = extras is { } x && x.TryGetProperty("event", out var deviceEvent) ? AsText(deviceEvent) : null,
        };
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static double? ReadNumber(JsonElement value, string field, List<ItemProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    return number;
                }

                problems.Add(new(field, $"{Shorten(value.GetRawText())} is not a number this product can hold."));
                return null;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return ParseNumber(value.GetString(), field, problems);
            default:
                problems.Add(new(field, $"A number was expected, not {value.ValueKind.ToString().ToLowerInvariant()}."));
                return null;
        }
    }

    private static bool? ReadFlag(JsonElement value, string field, List<ItemProblem> problems) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => ParseFlag(AsText(value), field, problems),
    };

    private static double? ParseNumber(string? text, string field, List<ItemProblem> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // .NET reads "NaN" and "Infinity" as numbers; a device that sends them knows nothing, and a NaN battery
        // would be stored as 0 % (a low-battery alarm), a NaN latitude pass every range check.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (double.IsFinite(number))
            {
                return number;
            }

            problems.Add(new(field, $"'{Shorten(text)}' is not a finite number."));
            return null;
        }

        problems.Add(new(field, $"'{Shorten(text)}' is not a number."));
        return null;
    }

    private static bool? ParseFlag(string? text, string field, List<ItemProblem> problems)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                problems.Add(new(field, $"'{Shorten(text)}' is not true, false, 1 or 0."));
                return null;
        }
    }

    private static DateTimeOffset? ParseTimestamp(string? text, DateTimeOffset now, List<ItemProblem> problems, string field = "osmand.timestamp")
    {
        if (string.IsNullOrEmpty(text))
        {
            return now;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            // Traccar's rule: a value that fits seconds is seconds, a larger one milliseconds.
            try
            {
                return epoch < int.MaxValue ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            }
            catch (ArgumentOutOfRangeException)
            {
                problems.Add(new(field, $"{epoch} is not a time."));
                return null;
            }
        }

        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFF"];
        if ((text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
            || DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out iso))
        {
            return iso;
        }

        problems.Add(new(field, $"'{Shorten(text)}' is not a time: send epoch seconds or milliseconds, ISO 8601, or yyyy-MM-dd HH:mm:ss (UTC)."));
        return null;
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
