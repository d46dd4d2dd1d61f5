using CommandCenter.Supervision;

namespace CommandCenter.Tests.Supervision;

public class LeavePermitStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset End = Start.AddDays(3);

    private static LeavePermitView Permit(DateTimeOffset? revokedAt = null) =>
        new(1, 7, Start, End, "临沂市区", 500, "就医", "duty", Start.AddDays(-2), revokedAt, revokedAt is null ? null : "duty");

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
