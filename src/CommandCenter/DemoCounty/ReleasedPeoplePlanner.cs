using CommandCenter.Squads;
using CommandCenter.Subjects;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The people who finished their term (解矫) in the demo's history, about as many a month as are taken in,
/// so the intake-and-release panel has two sides. They live where current subjects of their squad live,
/// carry no device and no positioning order, and their case numbers start PYJ so they stand apart.
/// </summary>
public class ReleasedPeoplePlanner(Random random)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    public List<Subject> Plan(IReadOnlyList<Subject> current, IReadOnlyList<Squad> squads, DateOnly today, int months, int perMonth)
    {
        var released = new List<Subject>();
        var number = 0;
        for (var m = months - 1; m >= 0; m--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-m);
            var count = perMonth + random.Next(-4, 5);
            for (var i = 0; i < count; i++)
            {
                var releaseDate = month.AddDays(random.Next(0, 28));
                if (releaseDate >= today)
                {
                    continue;
                }

                number++;
                var neighbour = current[random.Next(current.Count)];
                var squad = squads.First(s => s.Id == neighbour.SquadId);
                released.Add(Make(number, neighbour, squad, releaseDate));
            }
        }

        return released;
    }

    private Subject Make(int number, Subject neighbour, Squad squad, DateOnly releaseDate)
    {
        var termStart = releaseDate.AddDays(-random.Next(180, 1_100));
        var body = $"371326{new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 42)):yyyyMMdd}{800 + number % 100:D3}";
        return new Subject
        {
            Code = $"PYJ{termStart.Year}{number:D4}",
            Name = $"{Surnames[random.Next(Surnames.Length)]}某{number:D3}",
            IdNumber = body + ResidentIdNumber.CheckDigit(body),
            Phone = $"1710000{number:D4}",
            CorrectionType = random.Next(100) switch
            {
                < 80 => CorrectionType.SuspendedSentence,
                < 88 => CorrectionType.Parole,
                < 90 => CorrectionType.PublicSurveillance,
                _ => CorrectionType.TemporaryOutsideExecution,
            },
            SupervisionLevel = random.Next(100) switch
            {
                < 15 => SupervisionLevel.Strict,
                < 75 => SupervisionLevel.Ordinary,
                _ => SupervisionLevel.Lenient,
            },
            RiskLevel = RiskLevel.Low,
            Status = SubjectStatus.Released,
            SquadId = squad.Id,
            TermStart = termStart,
            TermEnd = releaseDate,
            IntakeDate = termStart.AddDays(random.Next(0, 10)),
            ReleaseDate = releaseDate,
            HomeAddress = neighbour.HomeAddress,
            Home = neighbour.Home,
        };
    }
}
