using CommandCenter.Ingest;

namespace CommandCenter.Tests.Ingest;

public class PositionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly IngestOptions Options = new();

    private static PositionItem Valid() => new()
    {
        Device = "PY-DEV-00001",
        Key = "key",
        Time = Now.AddSeconds(-10),
        Latitude = 35.5,
        Longitude = 117.6,
    };

    [Fact]
    public void AValidFixHasNoProblems()
    {
        Assert.Empty(PositionValidator.Validate([Valid()], Now, Options));
    }

    [Theory]
    [InlineData(90.0001, 117.6, "positions[0].lat")]
    [InlineData(-91, 117.6, "positions[0].lat")]
    [InlineData(35.5, 180.5, "positions[0].lon")]
    [InlineData(double.NaN, 117.6, "positions[0].lat")]
    [InlineData(35.5, double.PositiveInfinity, "positions[0].lon")]
    public void ACoordinateOutOfRangeOrNotANumberIsNamed(double latitude, double longitude, string field)
    {
        var problems = PositionValidator.Validate([Valid() with { Latitude = latitude, Longitude = longitude }], Now, Options);

        Assert.Equal(field, Assert.Single(problems).Field);
    }

    [Fact]
    public void AFixMoreThanFiveMinutesAheadOfTheServerIsRefused()
    {
        var problems = PositionValidator.Validate([Valid(), Valid() with { Time = Now.AddMinutes(5).AddSeconds(1) }], Now, Options);

        var problem = Assert.Single(problems);
        Assert.Equal("positions[1].time", problem.Field);
        Assert.Contains("ahead", problem.Message);
    }

    [Fact]
    public void AFixFourMinutesAheadIsAcceptedForClockDrift()
    {
        Assert.Empty(PositionValidator.Validate([Valid() with { Time = Now.AddMinutes(4) }], Now, Options));
    }

    [Fact]
    public void MissingFieldsAreEachNamed()
    {
        var problems = PositionValidator.Validate([new PositionItem()], Now, Options);

        Assert.Equal(
            ["positions[0].device", "positions[0].key", "positions[0].lat", "positions[0].lon", "positions[0].time"],
            problems.Select(p => p.Field).Order());
    }

    [Fact]
    public void ANullItemIsNamed()
    {
        Assert.Equal("positions[0]", Assert.Single(PositionValidator.Validate([null], Now, Options)).Field);
    }

    [Theory]
    [InlineData(-1.0, null, null, "positions[0].accuracy")]
    [InlineData(null, 361.0, null, "positions[0].heading")]
    [InlineData(null, null, 101, "positions[0].battery")]
    public void OptionalValuesMustBeInRangeWhenGiven(double? accuracy, double? heading, int? battery, string field)
    {
        var problems = PositionValidator.Validate([Valid() with { Accuracy = accuracy, Heading = heading, Battery = battery }], Now, Options);

        Assert.Equal(field, Assert.Single(problems).Field);
    }
}
