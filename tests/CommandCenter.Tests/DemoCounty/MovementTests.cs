using CommandCenter.DemoCounty;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.DemoCounty;

public class MovementTests
{
    private static readonly SimulatedPerson Person = new(1, "S", "K", home: new Coordinate(117.60, 35.50), work: new Coordinate(117.62, 35.52), current: new Coordinate(117.60, 35.50));

    [Theory]
    [InlineData(2, 0)]
    [InlineData(23, 0)]
    [InlineData(6, 59)]
    public void AtNightThePersonIsPulledHome(int hour, int minute)
    {
        Assert.Equal(Person.Home, Movement.Anchor(Person, new TimeOnly(hour, minute)));
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(12, 30)]
    [InlineData(17, 30)]
    public void ByDayThePersonIsPulledToWork(int hour, int minute)
    {
        Assert.Equal(Person.Work, Movement.Anchor(Person, new TimeOnly(hour, minute)));
    }

    [Fact]
    public void InTheMorningThePersonIsOnTheWayBetween()
    {
        var anchor = Movement.Anchor(Person, new TimeOnly(7, 45));

        Assert.InRange(anchor.X, Person.Home.X + 0.005, Person.Work.X - 0.005);
    }

    [Fact]
    public void StepsStayNearTheAnchor()
    {
        var random = new Random(7);
        var position = Person.Home;
        for (var i = 0; i < 500; i++)
        {
            position = Movement.Step(position, Person.Work, random);
        }

        Assert.True(position.Distance(Person.Work) < 0.005, $"{position} is far from {Person.Work}");
    }

    [Theory]
    [InlineData(22, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(21, false)]
    public void TheCurfewHoursAreTheHomeZonesSchedule(int hour, bool curfew)
    {
        Assert.Equal(curfew, Movement.IsCurfew(new TimeOnly(hour, 30)));
    }
}
