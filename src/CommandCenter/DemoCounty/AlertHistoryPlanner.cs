using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Hosting;
using CommandCenter.Subjects;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Closed alerts of the demo's history: a few a day, mostly device and signal problems, each acknowledged
/// within minutes and, when it was a violation, answered on scene by the squad. Exactly as many end in
/// 训诫, 警告 and 提请撤销 as the county reports for its period; the other violations needed no action.
/// </summary>
public class AlertHistoryPlanner(Random random, SiteClock clock)
{
    private const string Officer = "值班员（演示）";

    private static readonly (AlertRule Rule, int Weight)[] Rules =
    [
        (AlertRule.LowBattery, 30), (AlertRule.Offline, 20), (AlertRule.PowerOff, 8), (AlertRule.ZoneExit, 10),
        (AlertRule.Curfew, 12), (AlertRule.MissedCheckIn, 10), (AlertRule.ZoneEntry, 5), (AlertRule.Tamper, 5),
    ];

    private static readonly AlertRule[] Violations = [AlertRule.ZoneExit, AlertRule.ZoneEntry, AlertRule.Curfew, AlertRule.MissedCheckIn, AlertRule.Tamper];

    /// <summary>Alerts on each day from <paramref name="first"/> to <paramref name="last"/>, with the disciplinary dispositions spread among the violations.</summary>
    public List<Alert> Plan(IReadOnlyList<Subject> people, DateOnly first, DateOnly last, double perDay, IReadOnlyList<(Disposition Disposition, int Count)> disciplinary)
    {
        var alerts = new List<Alert>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var count = (int)Math.Round(perDay * (0.5 + random.NextDouble()));
            for (var i = 0; i < count; i++)
            {
                var subject = PersonOn(people, day);
                if (subject is not null)
                {
                    alerts.Add(Make(subject, day));
                }
            }
        }

        var violations = alerts.Where(a => Violations.Contains(a.Rule)).OrderBy(_ => random.Next()).ToList();
        var next = 0;
        foreach (var (disposition, count) in disciplinary)
        {
            foreach (var alert in violations.Skip(next).Take(count))
            {
                alert.Disposition = disposition.ToString();
            }

            next += count;
        }

        return alerts;
    }

    /// <summary>Somebody under supervision on that day, drawn at random.</summary>
    private Subject? PersonOn(IReadOnlyList<Subject> people, DateOnly day)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var person = people[random.Next(people.Count)];
            if (person.IntakeDate <= day && (person.ReleaseDate is null || person.ReleaseDate > day))
            {
                return person;
            }
        }

        return null;
    }

    private Alert Make(Subject subject, DateOnly day)
    {
        var rule = Pick();
        var raised = clock.StartOfDay(day).AddMinutes(random.Next(0, 24 * 60));
        var acknowledged = raised.AddSeconds(60 + random.NextDouble() * random.NextDouble() * 1_500);
        var violation = Violations.Contains(rule);
        var alert = new Alert
        {
            SubjectId = subject.Id,
            Rule = rule,
            Severity = SeverityPolicy.Defaults[rule],
            SquadId = subject.SquadId,
            RaisedAt = raised,
            ConditionCleared = true,
            State = violation ? AlertState.Resolved : AlertState.Dismissed,
            Disposition = violation ? nameof(Disposition.NoViolation) : random.Next(3) == 0 ? nameof(Disposition.NoViolation) : nameof(Disposition.DeviceFault),
        };
        alert.Events.Add(Step(AlertEventKind.Raised, raised, "system"));
        alert.Events.Add(Step(AlertEventKind.Acknowledged, acknowledged, Officer));
        var closed = acknowledged.AddMinutes(random.Next(5, 40));
        if (violation)
        {
            var dispatched = acknowledged.AddMinutes(1 + random.NextDouble() * 4);
            var onScene = dispatched.AddMinutes(8 + random.NextDouble() * random.NextDouble() * 50);
            alert.DispatchedSquadId = subject.SquadId;
            alert.Events.Add(Step(AlertEventKind.Dispatched, dispatched, Officer, subject.SquadId));
            alert.Events.Add(Step(AlertEventKind.OnScene, onScene, "中队（演示）", subject.SquadId));
            closed = onScene.AddMinutes(random.Next(10, 60));
        }

        alert.ClosedAt = closed;
        alert.Events.Add(Step(violation ? AlertEventKind.Resolved : AlertEventKind.Dismissed, closed, Officer));
        return alert;
    }

    private static AlertEvent Step(AlertEventKind kind, DateTimeOffset at, string actor, int? squadId = null) =>
        new() { Kind = kind, At = at, Actor = actor, SquadId = squadId };

    private AlertRule Pick()
    {
        var target = random.Next(Rules.Sum(r => r.Weight));
        foreach (var (rule, weight) in Rules)
        {
            target -= weight;
            if (target < 0)
            {
                return rule;
            }
        }

        return Rules[^1].Rule;
    }
}
