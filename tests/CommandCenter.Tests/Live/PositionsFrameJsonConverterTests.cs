using System.Text.Json;
using CommandCenter.Live;

namespace CommandCenter.Tests.Live;

/// <summary>
/// A positions frame as it travels in the hub's JSON: what the server writes, a client reads back whole, in any
/// order and at any extreme of subject id or coordinate, and a crowd sorted by squad travels in a few bytes a person.
/// </summary>
public class PositionsFrameJsonConverterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    // As the hub's JSON protocol has them: web defaults (camelCase).
    private static readonly JsonSerializerOptions Hub = new(JsonSerializerDefaults.Web);

    [Fact]
    public void AFrameComesBackAsItWasSentWhateverItsOrderAndExtremes()
    {
        PositionUpdate[] positions =
        [
            new(17, 3, 35.5123456, 117.6654321, At),
            new(4, 9, -33.8688197, 151.2092955, At) { Pending = true },
            new(int.MaxValue, 9, -90, -180, At),
            new(1, 9, 90, 180, At) { Pending = true },
            new(250_000, -2, 0, -179.9999994, At),
        ];
        var sent = PositionsFrame.Pack(42, At, positions);

        var received = JsonSerializer.Deserialize<PositionsFrame>(JsonSerializer.Serialize(sent, Hub), Hub)!;

        Assert.Equal(42, received.Sequence);
        Assert.Equal(At, received.At);
        Assert.Equal(sent.Subjects, received.Subjects);
        Assert.Equal(sent.Squads, received.Squads);
        Assert.Equal(sent.Coordinates, received.Coordinates);
        Assert.Equal(sent.Pending, received.Pending);
    }

    [Fact]
    public void SquadsTravelAsRunsAndPeopleAsOneString()
    {
        var frame = PositionsFrame.Pack(1, At,
        [
            new PositionUpdate(5, 2, 1, 1, At),
            new PositionUpdate(6, 2, 1, 1, At),
            new PositionUpdate(7, 4, 1, 1, At) { Pending = true },
        ]);

        using var wire = JsonDocument.Parse(JsonSerializer.Serialize(frame, Hub));

        Assert.Equal(3, wire.RootElement.GetProperty("count").GetInt32());
        Assert.Equal([2, 4], wire.RootElement.GetProperty("squads").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal([2, 1], wire.RootElement.GetProperty("squadRuns").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal([7], wire.RootElement.GetProperty("pending").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(JsonValueKind.String, wire.RootElement.GetProperty("people").ValueKind);
    }

    [Fact]
    public void ACrowdSortedBySquadAndSubjectTravelsInUnderTenBytesAPerson()
    {
        // 50,000 people in 20 squads, scattered over a county of about a degree, as the frame pump sorts them.
        var random = new Random(7);
        var positions = Enumerable.Range(1, 50_000)
            .Select(id => new PositionUpdate(id, id % 20, 35 + random.NextDouble(), 118 + random.NextDouble(), At))
            .OrderBy(p => p.SquadId).ThenBy(p => p.SubjectId)
            .ToList();

        var json = JsonSerializer.Serialize(PositionsFrame.Pack(1, At, positions), Hub);

        Assert.InRange(json.Length, 1, 50_000 * 10);
    }

    [Fact]
    public void AnEmptyFrameTravelsEmpty()
    {
        var received = JsonSerializer.Deserialize<PositionsFrame>(JsonSerializer.Serialize(PositionsFrame.Pack(3, At, []), Hub), Hub)!;

        Assert.Empty(received.Subjects);
        Assert.Empty(received.Squads);
        Assert.Empty(received.Coordinates);
    }

    [Theory]
    [InlineData("""{"count":2,"squads":[1],"squadRuns":[1],"pending":[],"people":"AgICAgIC"}""")]
    [InlineData("""{"count":2,"squads":[1],"squadRuns":[2],"pending":[],"people":"AgIC"}""")]
    public void AFrameWhosePartsDoNotAddUpIsRefused(string wire)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PositionsFrame>(wire, Hub));
    }
}
