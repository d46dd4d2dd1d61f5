using CommandCenter.Supervision;

namespace CommandCenter.Tests.Supervision;

public class LeavePermitStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset End = Start.AddDays(3);

    private static LeavePermitView Permit(DateTimeOffset? revokedAt = null) => Requested() with { ApprovedBy = "squad", ApprovedAt = Start.AddDays(-1), RevokedAt = revokedAt, RevokedBy = revokedAt is null ? null : "duty" };

    private static LeavePermitView Requested() =>
        new(1, 7, Start, End, "临沂市区", 500, "就医", "duty", null, Start.AddDays(-5), false, null, null, null, null, null, null, null, null);

    [Fact]
    public void ARequestAwaitsADecisionWhateverTheTimeAndARefusalStaysRefused()
    {
        Assert.Equal(LeavePermitStatus.Requested, Requested().StatusAt(Start.AddDays(1)));
        var refused = Requested() with { RefusedBy = "squad", RefusedAt = Start.AddDays(-1), DecisionReason = "不符合条件" };
        Assert.Equal(LeavePermitStatus.Refused, refused.StatusAt(Start.AddDays(1)));
        Assert.Equal(LeavePermitStatus.Revoked, (Requested() with { RevokedAt = Start.AddDays(-2), RevokedBy = "duty" }).StatusAt(Start));
    }

    [Fact]
    public void APermitIsUpcomingUntilItsFirstMomentAndInForceFromIt()
    {
        Assert.Equal(LeavePermitStatus.Upcoming, Permit().StatusAt(Start.AddTicks(-1)));
        Assert.Equal(LeavePermitStatus.InForce, Permit().StatusAt(Start));
    }

    [Fact]
    public void APermitEndsAtItsEndMoment()
    {
        Assert.Equal(LeavePermitStatus.InForce, Permit().StatusAt(End.AddTicks(-1)));
        Assert.Equal(LeavePermitStatus.Ended, Permit().StatusAt(End));
    }

    [Fact]
    public void ARevokedPermitIsRevokedBeforeDuringAndAfterItsPeriod()
    {
        var revoked = Permit(revokedAt: Start.AddDays(-1));

        Assert.Equal(LeavePermitStatus.Revoked, revoked.StatusAt(Start.AddDays(-1)));
        Assert.Equal(LeavePermitStatus.Revoked, revoked.StatusAt(Start.AddDays(1)));
        Assert.Equal(LeavePermitStatus.Revoked, revoked.StatusAt(End.AddDays(1)));
    }
}
