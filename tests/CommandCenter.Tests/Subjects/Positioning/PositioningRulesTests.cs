using CommandCenter.Geo;
using CommandCenter.Map;
using CommandCenter.Subjects;
using CommandCenter.Subjects.Positioning;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Subjects.Positioning;

public class PositioningRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private readonly Subject subject = new()
    {
        Id = 7, Code = "PY20260007", Name = "王某007", IdNumber = "", Phone = "", HomeAddress = "", Home = Wgs84.Factory.CreatePoint(new Coordinate(117.6, 35.5)),
        Status = SubjectStatus.InCorrection, TermStart = new(2026, 1, 1), TermEnd = new(2028, 1, 1),
    };

    [Fact]
    public void ARequestOnOneOfTheFiveGroundsForThreeMonthsLessADayIsAccepted()
    {
        var breaches = PositioningRules.CheckRequest(subject, PositioningReason.LeftCountyWithoutApproval, Today, new DateOnly(2027, 2, 25), null, Today, []);

        Assert.Empty(breaches);
    }

    [Fact]
    public void AnOrderLastsAtMostThreeMonths()
    {
        var breaches = PositioningRules.CheckRequest(subject, PositioningReason.LeftCountyWithoutApproval, Today, new DateOnly(2027, 2, 26), null, Today, []);

        Assert.Equal(new DateOnly(2027, 2, 25), PositioningRules.LatestEnd(Today));
        Assert.Contains(breaches, b => b.Field == "endDate" && b.Key == "Positioning.Rule.AtMostThreeMonths");
    }

    [Fact]
    public void ThreeMonthsFromTheLastDayOfAMonthEndOnTheLastDayButOneOfTheThirdMonth()
    {
        Assert.Equal(new DateOnly(2027, 4, 29), PositioningRules.LatestEnd(new DateOnly(2027, 1, 30)));
        Assert.Equal(new DateOnly(2026, 2, 27), PositioningRules.LatestEnd(new DateOnly(2025, 11, 28)));
    }

    [Fact]
    public void NoGroundOrAGroundOutsideTheFiveIsRefused()
    {
        var none = PositioningRules.CheckRequest(subject, null, Today, Today.AddDays(30), null, Today, []);
        var invented = PositioningRules.CheckRequest(subject, (PositioningReason)99, Today, Today.AddDays(30), null, Today, []);

        Assert.Contains(none, b => b.Field == "reason");
        Assert.Contains(invented, b => b.Field == "reason");
    }

    [Fact]
    public void AnOrderIsNeverBackdated()
    {
        var breaches = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today.AddDays(-1), Today.AddDays(30), null, Today, []);

        Assert.Contains(breaches, b => b.Field == "startDate" && b.Key == "Positioning.Rule.StartInPast");
    }

    [Fact]
    public void AnOrderEndsWithinTheTermAndOnlyWhileThePersonIsUnderCorrection()
    {
        subject.TermEnd = Today.AddDays(20);
        var beyond = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today, Today.AddDays(30), null, Today, []);
        subject.Status = SubjectStatus.Released;
        var released = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today, Today.AddDays(10), null, Today, []);

        Assert.Contains(beyond, b => b.Key == "Positioning.Rule.BeyondTerm");
        Assert.Contains(released, b => b.Key == "Positioning.Rule.NotInCorrection");
    }

    [Fact]
    public void OrdersMayNotOverlapWhetherApprovedOrAwaitingDecision()
    {
        var approved = Order(1, Today, Today.AddDays(30), PositioningOrderStatus.Approved);
        var requested = Order(2, Today.AddDays(40), Today.AddDays(60), PositioningOrderStatus.Requested);

        var onApproved = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today.AddDays(30), Today.AddDays(35), null, Today, [approved, requested]);
        var onRequested = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today.AddDays(35), Today.AddDays(40), null, Today, [approved, requested]);
        var between = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today.AddDays(31), Today.AddDays(39), null, Today, [approved, requested]);

        Assert.Contains(onApproved, b => b.Key == "Positioning.Rule.Overlap");
        Assert.Contains(onRequested, b => b.Key == "Positioning.Rule.Overlap");
        Assert.Empty(between);
    }

    [Fact]
    public void ARejectedRequestOrAnOrderLiftedEarlyNoLongerBlocksItsDays()
    {
        var rejected = Order(1, Today, Today.AddDays(30), PositioningOrderStatus.Rejected);
        var lifted = Order(2, Today.AddDays(-20), Today.AddDays(60), PositioningOrderStatus.Approved);
        lifted.EndedEarlyOn = Today.AddDays(-1);

        var breaches = PositioningRules.CheckRequest(subject, PositioningReason.PendingRevocation, Today, Today.AddDays(30), null, Today, [rejected, lifted]);

        Assert.Empty(breaches);
    }

    [Fact]
    public void AnOrderNotYetApprovedIsNotInForce()
    {
        var requested = Order(1, Today, Today.AddDays(30), PositioningOrderStatus.Requested);
        var rejected = Order(2, Today, Today.AddDays(30), PositioningOrderStatus.Rejected);
        var approved = Order(3, Today, Today.AddDays(30), PositioningOrderStatus.Approved);

        Assert.False(requested.IsInForceOn(Today));
        Assert.False(rejected.IsInForceOn(Today));
        Assert.True(approved.IsInForceOn(Today));
    }

    [Fact]
    public void TheDatabaseTestOfBeingInForceAgreesWithTheInMemoryOne()
    {
        var inForce = PositioningOrder.InForceOn(Today).Compile();
        var orders = new[]
        {
            Order(1, Today, Today, PositioningOrderStatus.Approved),
            Order(2, Today.AddDays(1), Today.AddDays(9), PositioningOrderStatus.Approved),
            Order(3, Today.AddDays(-9), Today.AddDays(-1), PositioningOrderStatus.Approved),
            Order(4, Today.AddDays(-9), Today.AddDays(9), PositioningOrderStatus.Requested),
            Order(5, Today.AddDays(-9), Today.AddDays(9), PositioningOrderStatus.Approved, endedEarlyOn: Today.AddDays(-1)),
            Order(6, Today.AddDays(-9), Today.AddDays(9), PositioningOrderStatus.Approved, endedEarlyOn: Today),
        };

        Assert.All(orders, o => Assert.Equal(o.IsInForceOn(Today), inForce(o)));
    }

    [Fact]
    public void AnExtensionNeedsAReassessment()
    {
        var order = Order(1, Today.AddDays(-80), Today.AddDays(5), PositioningOrderStatus.Approved);

        var breaches = PositioningRules.CheckExtension(subject, order, Today.AddDays(60), "  ", Today, [order]);

        Assert.Contains(breaches, b => b.Field == "reassessment" && b.Key == "Positioning.Rule.NoteTooShort");
    }

    [Fact]
    public void AnExtensionStartsTheDayAfterTheOrderItExtendsEndsAndRunsAtMostThreeMonths()
    {
        var order = Order(1, Today.AddDays(-80), Today.AddDays(5), PositioningOrderStatus.Approved);
        var start = PositioningRules.ExtensionStart(order);

        var fine = PositioningRules.CheckExtension(subject, order, PositioningRules.LatestEnd(start), "复查评估：仍有再次擅自离县风险", Today, [order]);
        var tooLong = PositioningRules.CheckExtension(subject, order, PositioningRules.LatestEnd(start).AddDays(1), "复查评估：仍有再次擅自离县风险", Today, [order]);

        Assert.Equal(Today.AddDays(6), start);
        Assert.Empty(fine);
        Assert.Contains(tooLong, b => b.Key == "Positioning.Rule.AtMostThreeMonths");
    }

    [Fact]
    public void OnlyARunningApprovedOrderCanBeExtendedAndOnlyOnce()
    {
        var ended = Order(1, Today.AddDays(-90), Today.AddDays(-1), PositioningOrderStatus.Approved);
        var requested = Order(2, Today, Today.AddDays(30), PositioningOrderStatus.Requested);
        var running = Order(3, Today.AddDays(-60), Today.AddDays(3), PositioningOrderStatus.Approved);
        var extension = Order(4, Today.AddDays(4), Today.AddDays(30), PositioningOrderStatus.Requested);

        Assert.Contains(PositioningRules.CheckExtension(subject, ended, Today.AddDays(30), "复查评估意见", Today, [ended]), b => b.Key == "Positioning.Rule.ExtendBeforeEnd");
        Assert.Contains(PositioningRules.CheckExtension(subject, requested, Today.AddDays(60), "复查评估意见", Today, [requested]), b => b.Key == "Positioning.Rule.ExtendOnlyApproved");
        Assert.Contains(PositioningRules.CheckExtension(subject, running, Today.AddDays(30), "复查评估意见", Today, [running, extension]), b => b.Key == "Positioning.Rule.Overlap");
    }

    [Fact]
    public void NobodyApprovesTheirOwnRequest()
    {
        var order = Order(1, Today, Today.AddDays(30), PositioningOrderStatus.Requested);

        var (_, breaches) = PositioningRules.CheckApproval(order, "duty", Today, [order]);

        Assert.Contains(breaches, b => b.Key == "Positioning.Rule.OwnRequest");
    }

    [Fact]
    public void ARequestApprovedAfterItsStartDayTakesEffectOnTheDayOfApproval()
    {
        var order = Order(1, Today.AddDays(-2), Today.AddDays(30), PositioningOrderStatus.Requested);

        var (start, breaches) = PositioningRules.CheckApproval(order, "commander", Today, [order]);

        Assert.Empty(breaches);
        Assert.Equal(Today, start);
    }

    [Fact]
    public void ARequestWhosePeriodHasPassedCannotBeApproved()
    {
        var order = Order(1, Today.AddDays(-20), Today.AddDays(-1), PositioningOrderStatus.Requested);

        var (_, breaches) = PositioningRules.CheckApproval(order, "commander", Today, [order]);

        Assert.Contains(breaches, b => b.Key == "Positioning.Rule.RequestLapsed");
    }

    [Fact]
    public void OnlyARequestAwaitingDecisionCanBeApprovedOrRejectedAndARejectionSaysWhy()
    {
        var approved = Order(1, Today, Today.AddDays(30), PositioningOrderStatus.Approved);
        var requested = Order(2, Today.AddDays(40), Today.AddDays(50), PositioningOrderStatus.Requested);

        Assert.Contains(PositioningRules.CheckApproval(approved, "commander", Today, [approved]).Breaches, b => b.Key == "Positioning.Rule.NotAwaitingDecision");
        Assert.Contains(PositioningRules.CheckRejection(approved, "事实不清"), b => b.Key == "Positioning.Rule.NotAwaitingDecision");
        Assert.Contains(PositioningRules.CheckRejection(requested, ""), b => b.Field == "note");
        Assert.Empty(PositioningRules.CheckRejection(requested, "事实不清，证据不足"));
    }

    [Fact]
    public void EndingEarlyStopsTheOrderFromTodayAndNeedsAReason()
    {
        var order = Order(1, Today.AddDays(-10), Today.AddDays(30), PositioningOrderStatus.Approved);

        var (lastDay, breaches) = PositioningRules.CheckEnd(order, "已按期报到，风险消除", Today);
        var (_, withoutReason) = PositioningRules.CheckEnd(order, null, Today);
        order.EndedEarlyOn = lastDay;

        Assert.Empty(breaches);
        Assert.Equal(Today.AddDays(-1), lastDay);
        Assert.True(order.IsInForceOn(Today.AddDays(-1)));
        Assert.False(order.IsInForceOn(Today));
        Assert.Contains(withoutReason, b => b.Field == "reason");
    }

    [Fact]
    public void AnOrderLiftedBeforeItBeganIsNeverInForce()
    {
        var order = Order(1, Today.AddDays(3), Today.AddDays(30), PositioningOrderStatus.Approved);

        var (lastDay, breaches) = PositioningRules.CheckEnd(order, "情况变化，不再需要", Today);
        order.EndedEarlyOn = lastDay;

        Assert.Empty(breaches);
        Assert.DoesNotContain(Enumerable.Range(-5, 40), offset => order.IsInForceOn(Today.AddDays(offset)));
    }

    [Fact]
    public void AnOrderThatIsNotRunningCannotBeEndedEarly()
    {
        var expired = Order(1, Today.AddDays(-40), Today.AddDays(-1), PositioningOrderStatus.Approved);
        var requested = Order(2, Today, Today.AddDays(30), PositioningOrderStatus.Requested);

        Assert.Contains(PositioningRules.CheckEnd(expired, "不再需要定位", Today).Breaches, b => b.Key == "Positioning.Rule.NotRunning");
        Assert.Contains(PositioningRules.CheckEnd(requested, "不再需要定位", Today).Breaches, b => b.Key == "Positioning.Rule.NotRunning");
    }

    [Fact]
    public void AnOrderEndingWithinSevenDaysIsFlaggedUntilAnExtensionIsApproved()
    {
        var order = Order(1, Today.AddDays(-80), Today.AddDays(7), PositioningOrderStatus.Approved);
        var later = Order(2, Today.AddDays(-80), Today.AddDays(8), PositioningOrderStatus.Approved);
        var pending = Order(3, Today.AddDays(8), Today.AddDays(60), PositioningOrderStatus.Requested);

        Assert.True(PositioningRules.EndsSoon(order, Today, 7, [order, pending]));
        Assert.False(PositioningRules.EndsSoon(later, Today, 7, [later]));
        pending.Status = PositioningOrderStatus.Approved;
        Assert.False(PositioningRules.EndsSoon(order, Today, 7, [order, pending]));
    }

    private static PositioningOrder Order(int id, DateOnly start, DateOnly end, PositioningOrderStatus status, DateOnly? endedEarlyOn = null) => new()
    {
        Id = id,
        SubjectId = 7,
        Reason = PositioningReason.LeftCountyWithoutApproval,
        StartDate = start,
        EndDate = end,
        Status = status,
        RequestedBy = "duty",
        EndedEarlyOn = endedEarlyOn,
    };
}
