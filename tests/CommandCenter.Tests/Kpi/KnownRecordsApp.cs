using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Kpi.Records;
using CommandCenter.Map;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Kpi;

/// <summary>
/// The app over an empty county into which a handful of known records are written, all in May 2024 and
/// around it, so every panel's figures for that month can be worked out by hand (see the tests).
/// </summary>
public class KnownRecordsApp : CommandCenterApp, IAsyncLifetime
{
    public static readonly DateOnly May = new(2024, 5, 1);

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public int Squad1 { get; private set; }

    public int Squad2 { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();

        var squads = new[] { TestSquads.Square("S1", "一中队"), TestSquads.Square("S2", "二中队") };
        db.Squads.AddRange(squads);
        await db.SaveChangesAsync();
        (Squad1, Squad2) = (squads[0].Id, squads[1].Id);

        // A and B in squad 1, C, D and E in squad 2. On 31 May: A, B and E are under supervision;
        // C was released on 20 May, D arrives on 2 June.
        var a = Subject("A", CorrectionType.SuspendedSentence, SupervisionLevel.Strict, Squad1, new(2024, 1, 10), null);
        var b = Subject("B", CorrectionType.SuspendedSentence, SupervisionLevel.Ordinary, Squad1, new(2024, 5, 3), null);
        var c = Subject("C", CorrectionType.Parole, SupervisionLevel.Lenient, Squad2, new(2023, 6, 1), new(2024, 5, 20));
        var d = Subject("D", CorrectionType.Parole, SupervisionLevel.Ordinary, Squad2, new(2024, 6, 2), null);
        var e = Subject("E", CorrectionType.TemporaryOutsideExecution, SupervisionLevel.Strict, Squad2, new(2023, 1, 1), new(2024, 6, 15));
        db.Subjects.AddRange(a, b, c, d, e);
        await db.SaveChangesAsync();

        db.PositioningOrders.AddRange(
            Order(a, new(2024, 4, 1), new(2024, 6, 30)),
            Order(b, new(2024, 5, 5), new(2024, 6, 5)),
            Order(e, new(2024, 3, 1), new(2024, 5, 31)),
            Order(c, new(2024, 3, 1), new(2024, 6, 30), endedEarlyOn: new(2024, 5, 20)),
            Order(d, new(2024, 6, 2), new(2024, 8, 31)));

        // May's alerts wait 2, 4, 6 and 12 minutes to be acknowledged, and 20 and 40 to be reached.
        db.Alerts.AddRange(
            Alert(a, AlertRule.ZoneExit, At(2024, 5, 2, 10, 0), acknowledgedAfter: 2, onSceneAfter: 20, Disposition.Admonition),
            Alert(a, AlertRule.LowBattery, At(2024, 5, 2, 23, 30), acknowledgedAfter: 4, onSceneAfter: null, Disposition.DeviceFault),
            Alert(b, AlertRule.Curfew, At(2024, 5, 10, 1, 0), acknowledgedAfter: 6, onSceneAfter: 40, Disposition.Warning),
            Alert(e, AlertRule.ZoneExit, At(2024, 5, 31, 23, 59), acknowledgedAfter: 12, onSceneAfter: null, disposition: null),
            Alert(e, AlertRule.ZoneEntry, At(2024, 4, 30, 23, 0), acknowledgedAfter: 1, onSceneAfter: null, Disposition.RevocationProposal),
            Alert(c, AlertRule.MissedCheckIn, At(2024, 6, 1, 0, 30), acknowledgedAfter: 3, onSceneAfter: null, disposition: null));

        db.SupervisionLossEvents.AddRange(
            new SupervisionLossEvent { Kind = SupervisionLossKind.Absconded, Date = new(2024, 3, 10), SubjectId = a.Id, Note = "测试" },
            new SupervisionLossEvent { Kind = SupervisionLossKind.NotRegistered, Date = new(2024, 5, 25), SubjectId = e.Id, Note = "测试" },
            new SupervisionLossEvent { Kind = SupervisionLossKind.Absconded, Date = new(2024, 6, 5), SubjectId = b.Id, Note = "测试" });

        db.PartyMembers.AddRange(
            new PartyMember { Name = "赵某001", Role = PartyRole.Secretary, JoinedOn = new(2020, 1, 1) },
            new PartyMember { Name = "钱某002", Role = PartyRole.CommitteeMember, SquadId = Squad1, JoinedOn = new(2021, 1, 1) },
            new PartyMember { Name = "孙某003", Role = PartyRole.Member, SquadId = Squad2, JoinedOn = new(2024, 5, 31) },
            new PartyMember { Name = "李某004", Role = PartyRole.Member, SquadId = Squad2, JoinedOn = new(2024, 6, 1) },
            new PartyMember { Name = "周某005", Role = PartyRole.Member, SquadId = Squad1, JoinedOn = new(2019, 1, 1), LeftOn = new(2024, 5, 1) });

        // Q2 2024: one assembly, two committee meetings (three required), no lecture, a themed day each
        // month; squad 1 holds four group meetings, squad 2 only two (three each required).
        db.PartyMeetings.AddRange(
            Meeting(PartyMeetingKind.BranchAssembly, new(2024, 4, 20), null, 5),
            Meeting(PartyMeetingKind.BranchCommittee, new(2024, 4, 5), null, 3),
            Meeting(PartyMeetingKind.BranchCommittee, new(2024, 5, 6), null, 3),
            Meeting(PartyMeetingKind.ThemedPartyDay, new(2024, 4, 15), null, 10),
            Meeting(PartyMeetingKind.ThemedPartyDay, new(2024, 5, 15), null, 12),
            Meeting(PartyMeetingKind.ThemedPartyDay, new(2024, 6, 15), null, 11),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 4, 8), Squad1, 2),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 5, 8), Squad1, 2),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 6, 8), Squad1, 2),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 6, 20), Squad1, 2),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 4, 9), Squad2, 2),
            Meeting(PartyMeetingKind.GroupMeeting, new(2024, 6, 9), Squad2, 2));

        db.ActivityRecords.AddRange(
            Activity(ActivityKind.VolunteerActivity, new(2024, 5, 3), Squad1, 3),
            Activity(ActivityKind.VolunteerActivity, new(2024, 4, 10), Squad2, 2),
            Activity(ActivityKind.SkillsTraining, new(2024, 5, 12), Squad1, 6),
            Activity(ActivityKind.PsychologicalCounselling, new(2024, 5, 13), Squad2, 1),
            Activity(ActivityKind.JobPlacement, new(2024, 5, 20), Squad2, 2),
            Activity(ActivityKind.CultureClass, new(2024, 5, 21), null, 15),
            Activity(ActivityKind.HardshipGrant, new(2024, 5, 22), Squad1, 1, amount: 3000),
            Activity(ActivityKind.VolunteerActivity, new(2024, 6, 2), Squad1, 5));

        db.PartnerOrganisations.AddRange(
            new PartnerOrganisation { Kind = PartnerKind.TrainingBase, Name = "基地甲", Since = new(2023, 1, 1) },
            new PartnerOrganisation { Kind = PartnerKind.TrainingBase, Name = "基地乙", Since = new(2024, 6, 1) },
            new PartnerOrganisation { Kind = PartnerKind.PartnerEnterprise, Name = "企业甲", Since = new(2022, 1, 1), Until = new(2024, 5, 30) },
            new PartnerOrganisation { Kind = PartnerKind.PublicWelfareOrganisation, Name = "公益甲", Since = new(2024, 5, 31) });
        await db.SaveChangesAsync();
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new DateTimeOffset(year, month, day, hour, minute, 0, China).ToUniversalTime();

    private static Subject Subject(string code, CorrectionType type, SupervisionLevel level, int squadId, DateOnly intake, DateOnly? release) => new()
    {
        Code = $"T-{code}", Name = $"王某{code}", IdNumber = "371326200001010000", Phone = "17000000000", CorrectionType = type,
        SupervisionLevel = level, RiskLevel = RiskLevel.Low, Status = release is null ? SubjectStatus.InCorrection : SubjectStatus.Released,
        SquadId = squadId, TermStart = intake, TermEnd = release ?? intake.AddYears(2), IntakeDate = intake, ReleaseDate = release,
        HomeAddress = "测试", Home = Wgs84.Factory.CreatePoint(new Coordinate(117.5, 35.5)),
    };

    private static PositioningOrder Order(Subject subject, DateOnly start, DateOnly end, DateOnly? endedEarlyOn = null) => new()
    {
        SubjectId = subject.Id, Reason = PositioningReason.LeftCountyWithoutApproval, StartDate = start, EndDate = end,
        Status = PositioningOrderStatus.Approved, RequestedBy = "值班员", DecidedBy = "局长", EndedEarlyOn = endedEarlyOn,
    };

    private static Alert Alert(Subject subject, AlertRule rule, DateTimeOffset raised, int acknowledgedAfter, int? onSceneAfter, Disposition? disposition)
    {
        var alert = new Alert
        {
            SubjectId = subject.Id, Rule = rule, Severity = AlertSeverity.Major, SquadId = subject.SquadId, RaisedAt = raised,
            State = disposition is null ? AlertState.Acknowledged : AlertState.Resolved,
            Disposition = disposition?.ToString(), ClosedAt = disposition is null ? null : raised.AddMinutes(50),
        };
        alert.Events.Add(new AlertEvent { Kind = AlertEventKind.Acknowledged, At = raised.AddMinutes(acknowledgedAfter), Actor = "test" });
        if (onSceneAfter is { } minutes)
        {
            alert.Events.Add(new AlertEvent { Kind = AlertEventKind.OnScene, At = raised.AddMinutes(minutes), Actor = "test" });
        }

        return alert;
    }

    private static PartyMeeting Meeting(PartyMeetingKind kind, DateOnly date, int? squadId, int attendance) =>
        new() { Kind = kind, Date = date, SquadId = squadId, Topic = "测试", Attendance = attendance };

    private static ActivityRecord Activity(ActivityKind kind, DateOnly date, int? squadId, int participants, decimal? amount = null) =>
        new() { Kind = kind, Date = date, SquadId = squadId, Title = "测试", Participants = participants, AmountYuan = amount };
}
