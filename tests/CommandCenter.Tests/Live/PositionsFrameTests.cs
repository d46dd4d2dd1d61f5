using CommandCenter.Live;

namespace CommandCenter.Tests.Live;

/// <summary>The packed shape a positions frame travels in: what goes in comes out, to the wire's precision.</summary>
public class PositionsFrameTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryPersonComesBackWithTheirSquadPlaceAndPendingCrossing()
    {
        PositionUpdate[] positions =
        [
            new(17, 3, 35.5123456, 117.6654321, At),
            new(4, 9, -33.8688197, 151.2092955, At) { Pending = true },
            new(250_000, 1, 0, -179.9999994, At),
        ];

        var frame = PositionsFrame.Pack(42, At, positions);
        var unpacked = frame.Positions().ToList();

        Assert.Equal(42, frame.Sequence);
        Assert.Equal([17, 4, 250_000], unpacked.Select(p => p.SubjectId));
        Assert.Equal([3, 9, 1], unpacked.Select(p => p.SquadId));
        Assert.Equal([false, true, false], unpacked.Select(p => p.Pending));
        for (var i = 0; i < positions.Length; i++)
        {
            Assert.InRange(Math.Abs(unpacked[i].Latitude - positions[i].Latitude), 0, 0.5e-6);
            Assert.InRange(Math.Abs(unpacked[i].Longitude - positions[i].Longitude), 0, 0.5e-6);
        }
    }

    [Fact]
    public void CoordinatesTravelAsWholeMillionthsOfADegreeLatitudeFirst()
    {
        var frame = PositionsFrame.Pack(1, At, [new PositionUpdate(1, 1, 35.5000006, -117.6000006, At)]);

        Assert.Equal([35_500_001, -117_600_001], frame.Coordinates);
        Assert.Empty(frame.Pending);
    }

    [Fact]
    public void OnlyThePendingAreListed()
    {
        var frame = PositionsFrame.Pack(1, At,
        [
            new PositionUpdate(5, 1, 1, 1, At),
            new PositionUpdate(6, 1, 1, 1, At) { Pending = true },
            new PositionUpdate(7, 1, 1, 1, At),
        ]);

        Assert.Equal([6], frame.Pending);
    }

    [Fact]
    public void AnEmptyFrameIsEmpty()
    {
        var frame = PositionsFrame.Pack(1, At, []);

        Assert.Empty(frame.Subjects);
        Assert.Empty(frame.Coordinates);
        Assert.Empty(frame.Positions());
    }
}
