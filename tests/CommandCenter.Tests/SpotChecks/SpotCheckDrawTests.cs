using CommandCenter.SpotChecks;
using CommandCenter.Subjects;

namespace CommandCenter.Tests.SpotChecks;

public class SpotCheckDrawTests
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly TimeOnly Twenty = new(20, 0);

    [Fact]
    public void AWeeksChancesAddUpToTheLevelsFrequency()
    {
        var minutesAWeek = 7 * 12 * 60;

        Assert.Equal(7, SpotCheckDraw.ChancePerMinute(7, Eight, Twenty) * minutesAWeek, 6);
        Assert.Equal(1, SpotCheckDraw.ChancePerMinute(1, Eight, Twenty) * minutesAWeek, 6);
    }

    [Fact]
    public void StrictSupervisionIsCheckedMoreOftenThanOrdinaryAndOrdinaryMoreThanLenientByDefault()
    {
        var options = new SpotCheckOptions();

        Assert.True(options.PerWeek(SupervisionLevel.Strict) > options.PerWeek(SupervisionLevel.Ordinary));
        Assert.True(options.PerWeek(SupervisionLevel.Ordinary) > options.PerWeek(SupervisionLevel.Lenient));
    }

    [Fact]
    public void NoneAWeekOrNoHoursMeansNoChance()
    {
        Assert.Equal(0, SpotCheckDraw.ChancePerMinute(0, Eight, Twenty));
        Assert.Equal(0, SpotCheckDraw.ChancePerMinute(7, Twenty, Eight));
    }

    [Fact]
    public void OnlyTheSetHoursAreDrawnFromTheEndExcluded()
    {
        Assert.True(SpotCheckDraw.IsWithinHours(new TimeOnly(8, 0), Eight, Twenty));
        Assert.False(SpotCheckDraw.IsWithinHours(new TimeOnly(7, 59), Eight, Twenty));
        Assert.False(SpotCheckDraw.IsWithinHours(new TimeOnly(20, 0), Eight, Twenty));
    }
}
