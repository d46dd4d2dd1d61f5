using CommandCenter.Geo.Schedules;
using CommandCenter.Geo.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Geo.Tests.Schedules;

public class FenceScheduleTests
{
    private static readonly FenceSchedule NightlyCurfew = new([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))]);

    [Fact]
    public void ANightlyCurfewIsActiveFromTenAtNightUntilSixInTheMorning()
    {
        // 2025-03-03 is a Monday.
        var clock = new FakeTimeProvider(Sites.ShanghaiTime(2025, 3, 3, 21, 59));
        Assert.False(NightlyCurfew.IsActiveAt(clock.GetUtcNow(), Sites.Shanghai));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(NightlyCurfew.IsActiveAt(clock.GetUtcNow(), Sites.Shanghai));

        clock.Advance(TimeSpan.FromHours(5));
        Assert.True(NightlyCurfew.IsActiveAt(clock.GetUtcNow(), Sites.Shanghai)); // 03:00 Tuesday

        clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromTicks(1));
        Assert.True(NightlyCurfew.IsActiveAt(clock.GetUtcNow(), Sites.Shanghai)); // 05:59:59.9999999

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(NightlyCurfew.IsActiveAt(clock.GetUtcNow(), Sites.Shanghai)); // 06:00, the end is excluded
    }

    [Fact]
    public void AWindowOpeningOnMondayNightHoldsOnTuesdayMorningButNotOnMondayMorning()
    {
        var mondayNights = new FenceSchedule([new WeeklyWindow([DayOfWeek.Monday], new TimeOnly(22, 0), new TimeOnly(6, 0))]);

        Assert.False(mondayNights.IsActiveAt(Sites.ShanghaiTime(2025, 3, 3, 3), Sites.Shanghai)); // Monday 03:00
        Assert.True(mondayNights.IsActiveAt(Sites.ShanghaiTime(2025, 3, 3, 23), Sites.Shanghai)); // Monday 23:00
        Assert.True(mondayNights.IsActiveAt(Sites.ShanghaiTime(2025, 3, 4, 3), Sites.Shanghai)); // Tuesday 03:00
        Assert.False(mondayNights.IsActiveAt(Sites.ShanghaiTime(2025, 3, 4, 23), Sites.Shanghai)); // Tuesday 23:00
    }

    [Fact]
    public void ADaytimeWindowIsActiveOnlyOnItsDays()
    {
        var weekdays = new FenceSchedule([new WeeklyWindow(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(8, 30), new TimeOnly(17, 30))]);

        Assert.True(weekdays.IsActiveAt(Sites.ShanghaiTime(2025, 3, 7, 9), Sites.Shanghai)); // Friday
        Assert.False(weekdays.IsActiveAt(Sites.ShanghaiTime(2025, 3, 8, 9), Sites.Shanghai)); // Saturday
        Assert.False(weekdays.IsActiveAt(Sites.ShanghaiTime(2025, 3, 7, 18), Sites.Shanghai));
    }

    [Fact]
    public void AWindowWhoseEndEqualsItsStartLastsTwentyFourHours()
    {
        var wholeSunday = new FenceSchedule([new WeeklyWindow([DayOfWeek.Sunday], new TimeOnly(0, 0), new TimeOnly(0, 0))]);

        Assert.True(wholeSunday.IsActiveAt(Sites.ShanghaiTime(2025, 3, 9, 0), Sites.Shanghai));
        Assert.True(wholeSunday.IsActiveAt(Sites.ShanghaiTime(2025, 3, 9, 23, 59), Sites.Shanghai));
        Assert.False(wholeSunday.IsActiveAt(Sites.ShanghaiTime(2025, 3, 10, 0), Sites.Shanghai));
    }

    [Fact]
    public void ADateRangeAloneMakesTheFenceActiveAllDayOnItsDates()
    {
        var order = new FenceSchedule(dateRanges: [new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31))]);

        Assert.False(order.IsActiveAt(Sites.ShanghaiTime(2025, 2, 28, 23, 59), Sites.Shanghai));
        Assert.True(order.IsActiveAt(Sites.ShanghaiTime(2025, 3, 1, 0), Sites.Shanghai));
        Assert.True(order.IsActiveAt(Sites.ShanghaiTime(2025, 3, 31, 23, 59), Sites.Shanghai));
        Assert.False(order.IsActiveAt(Sites.ShanghaiTime(2025, 4, 1, 0), Sites.Shanghai));
    }

    [Fact]
    public void ACurfewOpeningOnTheLastDayOfItsRangeRunsUntilTheMorning()
    {
        var curfewInMarch = new FenceSchedule(
            [WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))],
            [new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31))]);

        Assert.True(curfewInMarch.IsActiveAt(Sites.ShanghaiTime(2025, 4, 1, 5), Sites.Shanghai));
        Assert.False(curfewInMarch.IsActiveAt(Sites.ShanghaiTime(2025, 4, 1, 23), Sites.Shanghai));
        Assert.False(curfewInMarch.IsActiveAt(Sites.ShanghaiTime(2025, 3, 1, 3), Sites.Shanghai)); // opened on Feb 28
    }

    [Fact]
    public void TheScheduleIsReadOnTheSiteWallClock()
    {
        var halfPastTenInShanghai = new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

        Assert.True(NightlyCurfew.IsActiveAt(halfPastTenInShanghai, Sites.Shanghai));
        Assert.False(NightlyCurfew.IsActiveAt(halfPastTenInShanghai, TimeZoneInfo.Utc));
    }

    [Fact]
    public void AnEmptyScheduleIsAlwaysActive()
    {
        Assert.True(FenceSchedule.Always.IsAlways);
        Assert.True(FenceSchedule.Always.IsActiveAt(Sites.ShanghaiTime(2025, 3, 3, 3), Sites.Shanghai));
    }

    [Fact]
    public void ARangeThatEndsBeforeItStartsIsRefused() =>
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1)));

    [Fact]
    public void AWindowWithNoDaysIsRefused() =>
        Assert.Throws<ArgumentException>(() => new WeeklyWindow([], new TimeOnly(22, 0), new TimeOnly(6, 0)));
}
