using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Reports;

/// <summary>
/// An empty county on a clock stopped at 10:00 on 11 March 2026 (site time), with one duty day, 10 March, whose
/// alerts, steps, check-ins, permits and orders are written at known times so every figure of its duty report,
/// register and 处置规范率 can be worked out by hand (the tests say how). Escalation waits are the defaults:
/// critical 2 min, major 5, minor 30, warning 2 h.
/// </summary>
public class KnownDutyDayApp : CommandCenterApp, IAsyncLifetime
{
    public static readonly DateOnly Day = new(2026, 3, 10);

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public FakeTimeProvider Clock { get; } = new(At(11, 10, 0));

    public int Squad1 { get; private set; }

    public int Squad2 { get; private set; }

    /// <summary>The alerts by the number the tests give them (1 to 7).</summary>
    public Dictionary<int, long> Alerts { get; } = [];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();

        var squads = new[] { TestSquads.Square("R1", "一中队"), TestSquads.Square("R2", "二中队") };
        db.Squads.AddRange(squads);
        await db.SaveChangesAsync();
        (Squad1, Squad2) = (squads[0].Id, squads[1].Id);

        var a = Subject("A", Squad1);
        var b = Subject("B", Squad1);
        var c = Subject("C", Squad2);
        db.Subjects.AddRange(a, b, c);
        await db.SaveChangesAsync();

        var alerts = new Dictionary<int, Alert>
        {
            // In time: acknowledged after 1 minute of a critical's 2; dispatched at 3, on scene at 20, resolved at 60.
            [1] = Alert(a, AlertRule.ZoneExit, AlertSeverity.Critical, At(10, 8, 0), AlertState.Resolved, closedAfter: 60, Disposition.Admonition,
                (AlertEventKind.Acknowledged, 1, "duty1"), (AlertEventKind.Dispatched, 3, "duty1"), (AlertEventKind.OnScene, 20, "leader1"), (AlertEventKind.Resolved, 60, "leader1")),

            // Late: a minor waits 30 minutes; acknowledged at 45, resolved as a device fault at 60.
            [2] = Alert(a, AlertRule.LowBattery, AlertSeverity.Minor, At(10, 10, 0), AlertState.Resolved, closedAfter: 60, Disposition.DeviceFault,
                (AlertEventKind.Acknowledged, 45, "duty1"), (AlertEventKind.Resolved, 60, "duty1")),

            // In time (4 of 5 minutes); dispatched at 10; on scene only after midnight, so dispatched at hand-over.
            [3] = Alert(b, AlertRule.Curfew, AlertSeverity.Major, At(10, 22, 0), AlertState.OnScene, closedAfter: null, null,
                (AlertEventKind.Acknowledged, 4, "duty2"), (AlertEventKind.Dispatched, 10, "duty2"), (AlertEventKind.OnScene, 150, "leader1")),

            // Late: nobody answered; the system's escalation is no answer.
            [4] = Alert(c, AlertRule.Offline, AlertSeverity.Major, At(10, 12, 0), AlertState.Raised, closedAfter: null, null,
                (AlertEventKind.Escalated, 5, "system")),

            // In time: dismissed outright after 1 minute of 2.
            [5] = Alert(c, AlertRule.ZoneEntry, AlertSeverity.Critical, At(10, 23, 0), AlertState.Dismissed, closedAfter: 1, null,
                (AlertEventKind.Dismissed, 1, "duty2")),

            // The day before, acknowledged in time, resolved the day after: open at hand-over, acknowledged then.
            [6] = Alert(a, AlertRule.Tamper, AlertSeverity.Major, At(9, 20, 0), AlertState.Resolved, closedAfter: 30 * 60, Disposition.NoViolation,
                (AlertEventKind.Acknowledged, 2, "duty3"), (AlertEventKind.Resolved, 30 * 60, "duty1")),

            // The morning after, a warning nobody has answered yet but whose 2 hours have not run out: not judged.
            [7] = Alert(b, AlertRule.LowBattery, AlertSeverity.Warning, At(11, 9, 0), AlertState.Raised, closedAfter: null, null),
        };
        db.Alerts.AddRange(alerts.Values);
        await db.SaveChangesAsync();
        foreach (var (number, alert) in alerts)
        {
            Alerts[number] = alert.Id;
        }

        // Due on the 10th: A every 7 days from the 3rd by 17:00 (checked in at 09:30: met); B every 2 days from
        // the 8th by 12:00 (last seen on the 8th: missed); C every 30 days from the 1st (not due).
        db.CheckInSchedules.AddRange(
            Schedule(a, new(2026, 3, 3), 7, new(17, 0)),
            Schedule(b, new(2026, 3, 8), 2, new(12, 0)),
            Schedule(c, new(2026, 3, 1), 30, new(9, 0)));
        db.CheckIns.AddRange(
            new CheckIn { SubjectId = a.Id, At = At(10, 9, 30), Method = CheckInMethod.App, RecordedBy = "system" },
            new CheckIn { SubjectId = b.Id, At = At(8, 11, 0), Method = CheckInMethod.App, RecordedBy = "system" });

        // Out on the 10th: A's permit only. B's was revoked before it began; C's begins the day after; B's request
        // for the 10th itself was never decided, so it lets nobody out.
        db.LeavePermits.AddRange(
            Permit(a, At(9, 8, 0), At(10, 18, 0), "临沂市兰山区", revokedAt: null),
            Permit(b, At(10, 20, 0), At(12, 20, 0), "临沂市罗庄区", revokedAt: At(10, 19, 0)),
            Permit(c, At(11, 8, 0), At(12, 20, 0), "临沂市河东区", revokedAt: null),
            Undecided(Permit(b, At(10, 8, 0), At(10, 18, 0), "临沂市兰陵县", revokedAt: null)));

        // Within 7 days of the 10th: A's order (ends the 15th, extended). Not: B's (the 20th), C's lifted early, C's request.
        var ordersOfA = Order(a, new(2026, 1, 16), new(2026, 3, 15));
        db.PositioningOrders.AddRange(
            ordersOfA,
            Order(b, new(2026, 2, 21), new(2026, 3, 20)),
            Order(c, new(2026, 1, 1), new(2026, 3, 10), endedEarlyOn: new(2026, 3, 5)),
            Order(c, new(2026, 3, 6), new(2026, 3, 12), status: PositioningOrderStatus.Requested));
        await db.SaveChangesAsync();
        db.PositioningOrders.Add(Order(a, new(2026, 3, 16), new(2026, 4, 15), extends: ordersOfA.Id));
        await db.SaveChangesAsync();
    }

    /// <summary>A time on a day of March 2026, site time.</summary>
    public static DateTimeOffset At(int day, int hour, int minute) => new DateTimeOffset(2026, 3, day, hour, minute, 0, China).ToUniversalTime();

    private static Subject Subject(string code, int squadId) => new()
    {
        Code = $"R-{code}", Name = $"测试{code}", IdNumber = "371326200001010000", Phone = "17000000000", CorrectionType = CorrectionType.SuspendedSentence,
        SupervisionLevel = SupervisionLevel.Ordinary, RiskLevel = RiskLevel.Low, Status = SubjectStatus.InCorrection,
        SquadId = squadId, TermStart = new(2025, 1, 1), TermEnd = new(2027, 1, 1), IntakeDate = new(2025, 1, 1),
        HomeAddress = "测试", Home = Wgs84.Factory.CreatePoint(new Coordinate(117.5, 35.5)),
    };

    private static Alert Alert(
        Subject subject, AlertRule rule, AlertSeverity severity, DateTimeOffset raised, AlertState state, int? closedAfter, Disposition? disposition,
        params (AlertEventKind Kind, int After, string Actor)[] steps)
    {
        var alert = new Alert
        {
            SubjectId = subject.Id, Rule = rule, Severity = severity, State = state, SquadId = subject.SquadId, RaisedAt = raised,
            ClosedAt = closedAfter is { } minutes ? raised.AddMinutes(minutes) : null, Disposition = disposition?.ToString(),
            DispatchedSquadId = steps.Any(s => s.Kind == AlertEventKind.Dispatched) ? subject.SquadId : null,
            EscalatedAt = steps.Where(s => s.Kind == AlertEventKind.Escalated).Select(s => (DateTimeOffset?)raised.AddMinutes(s.After)).FirstOrDefault(),
        };
        alert.Events.Add(new AlertEvent { Kind = AlertEventKind.Raised, At = raised, Actor = "system" });
        foreach (var (kind, after, actor) in steps)
        {
            alert.Events.Add(new AlertEvent { Kind = kind, At = raised.AddMinutes(after), Actor = actor });
        }

        return alert;
    }

    private static CheckInSchedule Schedule(Subject subject, DateOnly firstDue, int interval, TimeOnly dueBy) =>
        new() { SubjectId = subject.Id, FirstDue = firstDue, IntervalDays = interval, DueBy = dueBy, UpdatedAt = At(1, 9, 0), UpdatedBy = "test" };

    private static LeavePermit Permit(Subject subject, DateTimeOffset starts, DateTimeOffset ends, string destination, DateTimeOffset? revokedAt)
    {
        var area = Wgs84.Factory.CreatePolygon([new(118, 35), new(118.2, 35), new(118.2, 35.2), new(118, 35.2), new(118, 35)]);
        return new LeavePermit
        {
            SubjectId = subject.Id, StartsAt = starts, EndsAt = ends, Destination = destination, Area = area, BufferMeters = 500,
            RequestedBy = "值班员", RequestedAt = starts.AddDays(-5),
            ApprovedBy = "队长甲", ApprovedAt = starts.AddDays(-3), RevokedAt = revokedAt, RevokedBy = revokedAt is null ? null : "队长甲",
        };
    }

    private static LeavePermit Undecided(LeavePermit permit)
    {
        permit.ApprovedBy = null;
        permit.ApprovedAt = null;
        return permit;
    }

    private static PositioningOrder Order(
        Subject subject, DateOnly start, DateOnly end, DateOnly? endedEarlyOn = null, PositioningOrderStatus status = PositioningOrderStatus.Approved, int? extends = null) => new()
    {
        SubjectId = subject.Id, Reason = PositioningReason.LeftCountyWithoutApproval, StartDate = start, EndDate = end, Status = status,
        RequestedBy = "值班员", DecidedBy = status == PositioningOrderStatus.Approved ? "局长" : null, EndedEarlyOn = endedEarlyOn, ExtendsOrderId = extends,
    };
}
