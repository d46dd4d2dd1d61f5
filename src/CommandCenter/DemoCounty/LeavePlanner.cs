using CommandCenter.Geo.Fences;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using CommandCenter.Supervision;

namespace CommandCenter.DemoCounty;

/// <summary>
/// A few leave permits in every state the workflow knows, asked for by the duty officer and decided by someone
/// else, as the measures want: short leave by the person's squad leader, longer by the brigade commander; some
/// ended, one upcoming, one refused, two awaiting a decision. None is in force, so the simulator's county exits
/// stay violations. Times are whole site days (the site is UTC+8: 16:00 UTC is midnight in the county).
/// </summary>
public class LeavePlanner(Random random)
{
    private const string DutyOfficer = "值班员（演示）";
    private const string Commander = "大队长（演示）";

    private static readonly (string Name, double Longitude, double Latitude)[] Destinations =
    [
        ("临沂市兰山区", 118.356, 35.104),
        ("费县县城", 117.977, 35.266),
        ("蒙阴县县城", 117.945, 35.710),
        ("济南市历下区", 117.076, 36.666),
    ];

    private static readonly string[] Purposes = ["探望住院亲属", "参加亲属婚礼", "务工面试", "就医复查", "处理房产过户"];

    /// <summary>(days from today to the first day, days, what became of it) for each planned permit.</summary>
    private static readonly (int FromToday, int Days, Outcome Outcome)[] Plan =
    [
        (-60, 3, Outcome.Approved), (-41, 5, Outcome.Approved), (-20, 2, Outcome.Approved), (-12, 10, Outcome.Approved),
        (9, 4, Outcome.Approved), (12, 14, Outcome.Approved), (6, 3, Outcome.Refused), (10, 3, Outcome.Requested), (16, 9, Outcome.Requested),
    ];

    private enum Outcome
    {
        Requested,
        Approved,
        Refused,
    }

    public IEnumerable<LeavePermit> Make(IReadOnlyList<Subject> subjects, IReadOnlyList<Squad> squads, DateOnly today)
    {
        var names = squads.ToDictionary(s => s.Id, s => s.Name);
        foreach (var (fromToday, days, outcome) in Plan)
        {
            var subject = subjects[random.Next(subjects.Count)];
            var (place, longitude, latitude) = Destinations[random.Next(Destinations.Length)];
            var first = today.AddDays(fromToday);
            var asked = Midnight(first.AddDays(-(days > 7 ? 12 : 6))).AddHours(2);
            var decider = days > 7 ? Commander : $"{names[subject.SquadId]}中队长（演示）";
            yield return new LeavePermit
            {
                SubjectId = subject.Id,
                StartsAt = Midnight(first),
                EndsAt = Midnight(first.AddDays(days)),
                Destination = place,
                Area = MetricCircle.Around(longitude, latitude, 3000),
                BufferMeters = 500,
                Purpose = Purposes[random.Next(Purposes.Length)],
                RequestedBy = DutyOfficer,
                RequestedAt = asked,
                ApprovedBy = outcome == Outcome.Approved ? decider : null,
                ApprovedAt = outcome == Outcome.Approved ? asked.AddHours(5) : null,
                RefusedBy = outcome == Outcome.Refused ? decider : null,
                RefusedAt = outcome == Outcome.Refused ? asked.AddHours(5) : null,
                DecisionReason = outcome == Outcome.Refused ? "近期有未纠正的训诫，暂不批准外出" : null,
            };
        }
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.AddDays(-1).ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
}
