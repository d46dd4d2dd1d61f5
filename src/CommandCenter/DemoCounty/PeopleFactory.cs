using CommandCenter.Ingest;
using CommandCenter.Security;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Makes the synthetic people of the demo county. Names are a surname, 某 and a number, so nobody can
/// mistake them for real people; ID and phone numbers have the right shape but come from unused ranges.
/// </summary>
public class PeopleFactory(Random random, GeometryFactory factory, DemoDeviceKeys keys)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Villages = ["前庄", "后庄", "东村", "西村", "南营", "北营", "河口", "山前", "岭后", "新村"];

    public List<Subject> Make(int count, Geometry county, IReadOnlyList<Town> towns, IReadOnlyList<Squad> squads, DateOnly today)
    {
        var preparedCounty = PreparedGeometryFactory.Prepare(county);
        var preparedSquads = squads.Select(s => (Squad: s, Area: PreparedGeometryFactory.Prepare(s.Jurisdiction))).ToList();
        var totalWeight = towns.Sum(t => t.Weight);
        var subjects = new List<Subject>(count);
        for (var number = 1; number <= count; number++)
        {
            var town = PickTown(towns, totalWeight);
            Coordinate home;
            do
            {
                home = RandomPoint.Near(town.Centre, 1_800, random);
            }
            while (!preparedCounty.Covers(factory.CreatePoint(home)));

            var homePoint = factory.CreatePoint(home);
            var squad = preparedSquads.First(s => s.Area.Covers(homePoint)).Squad;
            subjects.Add(MakeSubject(number, town, homePoint, squad, today));
        }

        return subjects;
    }

    private Subject MakeSubject(int number, Town town, Point home, Squad squad, DateOnly today)
    {
        var termStart = today.AddDays(-random.Next(20, 900));
        var termEnd = today.AddDays(random.Next(30, 1_200));
        var supervision = Pick((SupervisionLevel.Strict, 15), (SupervisionLevel.Ordinary, 60), (SupervisionLevel.Lenient, 25));
        var subject = new Subject
        {
            Code = $"PY{termStart.Year}{number:D4}",
            Name = $"{Surnames[random.Next(Surnames.Length)]}某{number:D3}",
            IdNumber = IdNumber(number),
            Phone = $"1700000{number:D4}",
            CorrectionType = Pick((CorrectionType.SuspendedSentence, 80), (CorrectionType.Parole, 8), (CorrectionType.PublicSurveillance, 2), (CorrectionType.TemporaryOutsideExecution, 10)),
            SupervisionLevel = supervision,
            RiskLevel = supervision == SupervisionLevel.Strict ? Pick((RiskLevel.High, 60), (RiskLevel.Medium, 40)) : Pick((RiskLevel.Medium, 30), (RiskLevel.Low, 70)),
            Status = SubjectStatus.InCorrection,
            SquadId = squad.Id,
            TermStart = termStart,
            TermEnd = termEnd,
            IntakeDate = termStart.AddDays(random.Next(0, 10)),
            HomeAddress = $"{town.Name}{Villages[random.Next(Villages.Length)]}{random.Next(1, 300)}号",
            Home = home,
        };

        var serial = $"PY-DEV-{number:D5}";
        subject.Devices.Add(new Device
        {
            Serial = serial,
            Kind = supervision == SupervisionLevel.Strict ? DeviceKind.Bracelet : DeviceKind.Phone,
            KeyHash = Secrets.Hash(keys.KeyFor(serial)),
        });
        subject.PositioningOrders.Add(MakeOrder(today));
        return subject;
    }

    /// <summary>Most orders are in force; about one in twenty has ended, so that person's location must not be shown.</summary>
    private PositioningOrder MakeOrder(DateOnly today)
    {
        var ended = random.NextDouble() < 0.05;
        var start = ended ? today.AddDays(-random.Next(100, 200)) : today.AddDays(-random.Next(0, 85));
        return new PositioningOrder
        {
            Reason = (PositioningReason)random.Next(Enum.GetValues<PositioningReason>().Length),
            StartDate = start,
            EndDate = start.AddMonths(3).AddDays(-1),
            Status = PositioningOrderStatus.Approved,
            RequestedBy = "值班员（演示）",
            // Requested the morning before it starts and approved that afternoon (UTC; 09:00 and 15:00 in the county).
            RequestedAt = new DateTimeOffset(start.AddDays(-1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero),
            DecidedBy = "局长（演示）",
            DecidedAt = new DateTimeOffset(start.AddDays(-1).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero),
        };
    }

    /// <summary>
    /// Each device's last report before the demo starts, at home a minute ago: a stored fix and the latest
    /// position, so the map shows everyone before the simulator's first round.
    /// </summary>
    public static (Ingest.Position Fix, LatestPosition Latest) LastReportAtHome(Subject subject, DateTimeOffset now)
    {
        var time = now.AddMinutes(-1);
        var device = subject.Devices[0];
        var fix = new Ingest.Position
        {
            DeviceId = device.Id,
            SubjectId = subject.Id,
            FixTime = time,
            ReceivedAt = time,
            Location = subject.Home!,
            AccuracyMeters = 10,
        };
        var latest = new LatestPosition
        {
            SubjectId = subject.Id,
            DeviceId = device.Id,
            FixTime = time,
            ReceivedAt = time,
            Location = subject.Home!,
            AccuracyMeters = 10,
        };
        return (fix, latest);
    }

    private string IdNumber(int number)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 42));
        // Sequence codes from 900 up mark the demo numbers; the check digit is real so validation code is exercised.
        var body = $"371326{birth:yyyyMMdd}{900 + number % 100:D3}";
        return body + ResidentIdNumber.CheckDigit(body);
    }

    private Town PickTown(IReadOnlyList<Town> towns, double totalWeight)
    {
        var target = random.NextDouble() * totalWeight;
        foreach (var town in towns)
        {
            target -= town.Weight;
            if (target <= 0)
            {
                return town;
            }
        }

        return towns[^1];
    }

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var target = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            target -= weight;
            if (target < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
