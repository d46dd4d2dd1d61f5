using CommandCenter.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Supervision;

public class LeaveLimitsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Monday 7 December 2026, 10:00 in the county.</summary>
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, Offset));

    private static LeaveLimits Limits(LeaveOptions? options = null) => new(options ?? new LeaveOptions(), Shanghai);

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, Offset);

    /// <summary>Whole days from <paramref name="first"/>, as the page asks for them.</summary>
    private static LeavePeriod Days(DateTimeOffset first, int days) => new(first, first.AddDays(days));

    private LeaveRefusal? Ask(LeavePeriod period, bool urgent = false, string? reason = null, LeaveOptions? options = null, params LeavePeriod[] approved) =>
        Limits(options).CheckRequest(period, clock.GetUtcNow(), urgent, reason, approved);

    [Fact]
    public void ADayOfLeaveIsACalendarDayThePeriodTouches()
    {
        Assert.Equal(2, Limits().Days(Day(2026, 12, 7), Day(2026, 12, 9)));
        Assert.Equal(1, Limits().Days(Day(2026, 12, 7).AddHours(8), Day(2026, 12, 7).AddHours(18)));
        Assert.Equal(2, Limits().Days(Day(2026, 12, 7).AddHours(20), Day(2026, 12, 8).AddHours(6)));
    }

    [Fact]
    public void ExactlyThreeWorkingDaysAheadIsEnoughAndTwoAreNot()
    {
        Assert.Null(Ask(Days(Day(2026, 12, 11), 3)));

        var refusal = Ask(Days(Day(2026, 12, 10), 3));
        Assert.Equal("notice", refusal!.Rule);
        Assert.Equal("Leave.Rule.Notice", refusal.Key);
        Assert.Equal([7, 3, 2], refusal.Args);
    }

    [Fact]
    public void AWeekendIsNoWorkingDayOfNotice()
    {
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 16, 0, 0, Offset));

        Assert.Equal(2, LeaveLimits.WorkingDaysBetween(new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 16)));
        Assert.Equal("notice", Ask(Days(Day(2026, 12, 16), 2))!.Rule);
        Assert.Null(Ask(Days(Day(2026, 12, 17), 2)));
        Assert.Equal(0, LeaveLimits.WorkingDaysBetween(new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 14)));
    }

    [Fact]
    public void LeaveLongerThanTheSquadsDaysNeedsSevenWorkingDays()
    {
        Assert.Null(Ask(Days(Day(2026, 12, 17), 8)));

        var refusal = Ask(Days(Day(2026, 12, 16), 8));
        Assert.Equal("Leave.Rule.LongNotice", refusal!.Key);
        Assert.Equal([7, 7, 6], refusal.Args);
        Assert.Null(Ask(Days(Day(2026, 12, 16), 7)));
    }

    [Fact]
    public void UrgentLeaveNeedsNoNoticeButItsReason()
    {
        var today = Days(Day(2026, 12, 7), 2);

        Assert.Null(Ask(today, urgent: true, reason: "母亲急病住院"));
        Assert.Equal("urgent-reason", Ask(today, urgent: true, reason: "  ")!.Rule);
        Assert.Equal("notice", Ask(today)!.Rule);
    }

    [Fact]
    public void ThirtyDaysInOneGoAreAllowedAndThirtyOneAreNot()
    {
        Assert.Null(Ask(Days(Day(2027, 1, 4), 30)));

        var refusal = Ask(Days(Day(2027, 1, 4), 31));
        Assert.Equal("max-days", refusal!.Rule);
        Assert.Equal([30, 31], refusal.Args);
        Assert.Equal("max-days", Ask(Days(Day(2026, 12, 8), 31), urgent: true, reason: "急事")!.Rule);
    }

    [Fact]
    public void TheYearlyTotalCountsEachCalendarYearOnItsOwnAcrossTheNewYear()
    {
        // 28 + 27 = 55 days approved in 2026; the new permit has 4 days in 2026 (28 to 31 December) and 8 in 2027.
        LeavePeriod[] approved2026 = [Days(Day(2026, 9, 1), 28), Days(Day(2026, 10, 1), 27)];
        var acrossNewYear = Days(Day(2026, 12, 28), 12);

        Assert.Null(Ask(acrossNewYear, approved: approved2026));

        var over2026 = Ask(acrossNewYear, approved: [.. approved2026, Days(Day(2026, 11, 2), 2)]);
        Assert.Equal("yearly-cap", over2026!.Rule);
        Assert.Equal([2026, 60, 57, 4], over2026.Args);

        var over2027 = Ask(acrossNewYear, approved: [Days(Day(2027, 2, 1), 28), Days(Day(2027, 3, 1), 25)]);
        Assert.Equal([2027, 60, 53, 8], over2027!.Args);
    }

    [Fact]
    public void TheYearlyTotalIsASetting()
    {
        var options = new LeaveOptions { YearlyMaxDays = 40 };

        Assert.Equal("yearly-cap", Ask(Days(Day(2027, 1, 4), 10), options: options, approved: [Days(Day(2027, 2, 1), 28), Days(Day(2027, 3, 1), 3)])!.Rule);
        Assert.Null(Ask(Days(Day(2027, 1, 4), 9), options: options, approved: [Days(Day(2027, 2, 1), 28), Days(Day(2027, 3, 1), 3)]));
    }

    [Fact]
    public void TheSquadDecidesUpToTheDelegatedDaysWhichIsASetting()
    {
        Assert.False(Limits().NeedsCommander(Days(Day(2026, 12, 17), 7)));
        Assert.True(Limits().NeedsCommander(Days(Day(2026, 12, 17), 8)));
        Assert.Equal([7, 8], Limits().BeyondDelegation(Days(Day(2026, 12, 17), 8)).Args);

        var wider = new LeaveOptions { SquadMaxDays = 10 };
        Assert.False(Limits(wider).NeedsCommander(Days(Day(2026, 12, 17), 8)));
        Assert.Null(Ask(Days(Day(2026, 12, 16), 8), options: wider));
    }

    [Fact]
    public void ARevokedPermitCountsTheDaysUpToItsRevocationAndARequestNone()
    {
        var permit = new LeavePermit
        {
            Destination = "临沂市区", Area = NetTopologySuite.Geometries.Point.Empty, StartsAt = Day(2026, 12, 1), EndsAt = Day(2026, 12, 11),
            RequestedBy = "duty", ApprovedBy = "leader", ApprovedAt = Day(2026, 11, 20),
        };

        Assert.Equal(new LeavePeriod(Day(2026, 12, 1), Day(2026, 12, 11)), LeavePeriod.Counted(permit));
        permit.RevokedAt = Day(2026, 12, 4);
        Assert.Equal(new LeavePeriod(Day(2026, 12, 1), Day(2026, 12, 4)), LeavePeriod.Counted(permit));
        permit.RevokedAt = Day(2026, 11, 30);
        Assert.Null(LeavePeriod.Counted(permit));
        Assert.Null(LeavePeriod.Counted(new LeavePermit { Destination = "x", Area = permit.Area, RequestedBy = "duty" }));
    }
}
