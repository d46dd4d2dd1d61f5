using System.Text.Json;
using CommandCenter.Ingest;

namespace CommandCenter.Tests.Ingest;

public class OsmAndParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static PositionItem Single(OsmAndRequest request)
    {
        Assert.Empty(request.Problems);
        return Assert.Single(request.Items);
    }

    /// <summary>Parses query parameters; a later value of a name replaces an earlier one.</summary>
    private static OsmAndRequest Query(params (string Name, string Value)[] values)
    {
        var parameters = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            parameters[name] = value;
        }

        return OsmAndParser.ParseParameters(parameters, Now);
    }

    [Fact]
    public void TheQueryFormOfTraccarClientIsReadWithSpeedInKnots()
    {
        var item = Single(Query(("id", "123456"), ("lat", "35.5"), ("lon", "117.6"), ("timestamp", "1764144000"), ("speed", "10"),
            ("bearing", "90.5"), ("accuracy", "12"), ("batt", "74.6"), ("charge", "true"), ("altitude", "80"), ("hdop", "0.9"), ("key", "k")));

        Assert.Equal("123456", item.Device);
        Assert.Equal("k", item.Key);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764144000), item.Time);
        Assert.Equal(18.52, item.Speed!.Value, 6);
        Assert.Equal(90.5, item.Heading);
        Assert.Equal(75, item.Battery);
        Assert.True(item.Charging);
    }

    [Theory]
    [InlineData("1764144000000")]
    [InlineData("2025-11-26T08:00:00Z")]
    [InlineData("2025-11-26 08:00:00")]
    public void TimestampsComeInSecondsMillisecondsIsoOrPlainUtc(string timestamp)
    {
        var item = Single(Query(("deviceid", "1"), ("location", "35.5,117.6"), ("timestamp", timestamp)));

        Assert.Equal(new DateTimeOffset(2025, 11, 26, 8, 0, 0, TimeSpan.Zero), item.Time);
        Assert.Equal(35.5, item.Latitude);
        Assert.Equal(117.6, item.Longitude);
    }

    [Fact]
    public void AFixWithoutATimeIsTakenAsReceivedNow()
    {
        Assert.Equal(Now, Single(Query(("id", "1"), ("lat", "35.5"), ("lon", "117.6"))).Time);
    }

    [Theory]
    [InlineData("lat", "north", "osmand.lat")]
    [InlineData("timestamp", "yesterday", "osmand.timestamp")]
    [InlineData("charge", "maybe", "osmand.charge")]
    [InlineData("location", "35.5", "osmand.location")]
    public void AValueThatIsNotWhatItShouldBeIsNamed(string name, string value, string field)
    {
        var request = Query(("id", "1"), ("lat", "35.5"), ("lon", "117.6"), (name, value));

        Assert.Equal(field, Assert.Single(request.Problems).Field);
    }

    [Fact]
    public void TheJsonOfTraccarClient9IsReadWithSpeedInMetresPerSecondAndBatteryAsAFraction()
    {
        using var json = JsonDocument.Parse("""
            {"location": {"timestamp": "2025-11-26T08:00:00.587Z",
                          "coords": {"latitude": 35.5, "longitude": 117.6, "accuracy": 4.3, "speed": 2.5, "heading": -1, "altitude": 103},
                          "is_moving": true, "odometer": 0, "event": "motionchange",
                          "battery": {"level": 0.88, "is_charging": false}, "activity": {"type": "still"}, "extras": {}},
             "device_id": "82879256"}
            """);

        var item = Single(OsmAndParser.ParseJson(json.RootElement, "key-from-url", Now));

        Assert.Equal("82879256", item.Device);
        Assert.Equal("key-from-url", item.Key);
        Assert.Equal(9.0, item.Speed!.Value, 6);
        Assert.Null(item.Heading);
        Assert.Equal(88, item.Battery);
        Assert.False(item.Charging);
        Assert.Equal(4.3, item.Accuracy);
    }

    [Fact]
    public void AJsonBatchOfLocationsGivesOneFixEach()
    {
        using var json = JsonDocument.Parse("""
            {"location": [{"coords": {"latitude": 35.5, "longitude": 117.6}, "extras": {"key": "k", "event": "powerOff"}},
                          {"coords": {"latitude": "x", "longitude": 117.6}}],
             "device_id": 77}
            """);

        var request = OsmAndParser.ParseJson(json.RootElement, null, Now);

        Assert.Equal(2, request.Items.Count);
        Assert.Equal("77", request.Items[0].Device);
        Assert.Equal("k", request.Items[0].Key);
        Assert.Equal("powerOff", request.Items[0].Event);
        Assert.Equal("location[1].coords.latitude", Assert.Single(request.Problems).Field);
    }

    [Fact]
    public void JsonWithoutALocationIsRefused()
    {
        using var json = JsonDocument.Parse("""{"device_id": "1"}""");

        Assert.Equal("location", Assert.Single(OsmAndParser.ParseJson(json.RootElement, null, Now).Problems).Field);
    }
}
