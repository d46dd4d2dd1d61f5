using CommandCenter.Data;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Tests.Supervision;

public class GrantedLeaveTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task TheSqlAndTheQueryableAgreeWithThePermitStatusOnEveryStatus()
    {
        var device = await new CountyRecords(app.ConnectionString).VisibleDeviceAsync(4);
        var now = DateTimeOffset.UtcNow;
        var permits = new[]
        {
            Permit(device.SubjectId, now.AddDays(1)),
            Permit(device.SubjectId, now.AddDays(1)) with { ApprovedAt = now.AddDays(-1), ApprovedBy = "squad" },
            Permit(device.SubjectId, now.AddHours(-1)) with { ApprovedAt = now.AddDays(-1), ApprovedBy = "squad" },
            Permit(device.SubjectId, now.AddDays(-5)) with { ApprovedAt = now.AddDays(-6), ApprovedBy = "squad" },
            Permit(device.SubjectId, now.AddDays(1)) with { RefusedAt = now.AddDays(-1), RefusedBy = "squad", DecisionReason = "不符合条件" },
            Permit(device.SubjectId, now.AddHours(-1)) with { ApprovedAt = now.AddDays(-1), ApprovedBy = "squad", RevokedAt = now.AddMinutes(-5), RevokedBy = "duty" },
            Permit(device.SubjectId, now.AddDays(1)) with { RevokedAt = now.AddMinutes(-5), RevokedBy = "duty" },
        };

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        var entities = permits.Select(Entity).ToList();
        db.LeavePermits.AddRange(entities);
        await db.SaveChangesAsync();
        var ids = entities.Select(e => e.Id).ToArray();

        var statuses = entities.Select(e => LeavePermitView.Of(e).StatusAt(now)).ToHashSet();
        var expected = entities.Where(e => LeavePermitView.Of(e).StatusAt(now) is LeavePermitStatus.Upcoming or LeavePermitStatus.InForce or LeavePermitStatus.Ended)
            .Select(e => e.Id).Order().ToList();
        var byQueryable = await db.LeavePermits.WhereGranted().Where(p => ids.Contains(p.Id)).Select(p => p.Id).OrderBy(id => id).ToListAsync();
        var bySql = await db.Database.SqlQueryRaw<long>($"SELECT id AS \"Value\" FROM leave_permits WHERE {GrantedLeave.Sql} AND id = ANY(@ids) ORDER BY id",
            new NpgsqlParameter("ids", ids)).ToListAsync();

        Assert.Equal(Enum.GetValues<LeavePermitStatus>().Length, statuses.Count);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, byQueryable);
        Assert.Equal(expected, bySql);
    }

    private static LeavePermitView Permit(int subjectId, DateTimeOffset startsAt) =>
        new(0, subjectId, startsAt, startsAt.AddDays(2), "临沂市区", 500, "就医", "duty", null, startsAt.AddDays(-5), false, null,
            null, null, null, null, null, null, null);

    private static LeavePermit Entity(LeavePermitView view) => new()
    {
        SubjectId = view.SubjectId,
        StartsAt = view.StartsAt,
        EndsAt = view.EndsAt,
        Destination = view.Destination,
        Area = Destination(),
        BufferMeters = view.BufferMeters,
        Purpose = view.Purpose,
        RequestedBy = view.RequestedBy,
        RequestedAt = view.RequestedAt,
        ApprovedBy = view.ApprovedBy,
        ApprovedAt = view.ApprovedAt,
        RefusedBy = view.RefusedBy,
        RefusedAt = view.RefusedAt,
        DecisionReason = view.DecisionReason,
        RevokedBy = view.RevokedBy,
        RevokedAt = view.RevokedAt,
    };

    private static Polygon Destination()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        return factory.CreatePolygon([new(118.3, 35.0), new(118.4, 35.0), new(118.4, 35.1), new(118.3, 35.1), new(118.3, 35.0)]);
    }
}
