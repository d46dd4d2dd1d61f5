using CommandCenter.Kpi.Records;
using CommandCenter.Squads;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The education and assistance work of the demo's history, entered as dated records whose sums come near
/// the county's reported totals (1,000+ volunteer person-times, 800+ training and counselling, 260+ placed
/// in jobs, 200+ culture classes, 600+ volunteer activities, 13 hardship grants), and its partners (40+
/// training bases, 25 enterprises, 12 public-welfare organisations).
/// </summary>
public class AssistanceHistoryPlanner(Random random)
{
    private static readonly Dictionary<ActivityKind, string[]> Titles = new()
    {
        [ActivityKind.VolunteerActivity] = ["敬老院志愿服务", "社区环境整治", "交通劝导", "公益植树", "防诈宣传"],
        [ActivityKind.SkillsTraining] = ["电工技能培训", "电商直播培训", "家政服务培训", "种植技术培训", "焊工技能培训"],
        [ActivityKind.PsychologicalCounselling] = ["个别心理辅导", "心理健康评估", "情绪疏导"],
        [ActivityKind.JobPlacement] = ["推荐就业", "合作企业吸纳就业", "公益岗位安置"],
        [ActivityKind.CultureClass] = ["孔子学堂·论语", "孔子学堂·弟子规", "孔子学堂·孝道", "孔子学堂·诚信"],
        [ActivityKind.HardshipGrant] = ["临时困难救助", "助学帮扶", "医疗困难帮扶"],
    };

    public List<ActivityRecord> Activities(IReadOnlyList<Squad> squads, DateOnly first, DateOnly last)
    {
        var records = new List<ActivityRecord>();
        Add(ActivityKind.VolunteerActivity, 620, () => 1 + Coin(0.5) + Coin(0.2));
        Add(ActivityKind.SkillsTraining, 100, () => random.Next(5, 9));
        Add(ActivityKind.PsychologicalCounselling, 170, () => 1);
        Add(ActivityKind.JobPlacement, 130, () => 1 + Coin(0.5) + Coin(0.55));
        Add(ActivityKind.CultureClass, 210, () => random.Next(8, 26));
        Add(ActivityKind.HardshipGrant, 13, () => 1);
        return records;

        void Add(ActivityKind kind, int count, Func<int> participants)
        {
            var span = last.DayNumber - first.DayNumber;
            for (var i = 0; i < count; i++)
            {
                var titles = Titles[kind];
                records.Add(new ActivityRecord
                {
                    Kind = kind,
                    Date = first.AddDays(random.Next(0, span + 1)),
                    SquadId = random.NextDouble() < 0.8 ? squads[random.Next(squads.Count)].Id : null,
                    Title = titles[random.Next(titles.Length)],
                    Participants = participants(),
                    AmountYuan = kind == ActivityKind.HardshipGrant ? random.Next(20, 51) * 100 : null,
                });
            }
        }
    }

    public List<PartnerOrganisation> Partners(IReadOnlyList<Squad> squads, DateOnly today)
    {
        var partners = new List<PartnerOrganisation>();
        Add(PartnerKind.TrainingBase, 42, "教育培训基地");
        Add(PartnerKind.PartnerEnterprise, 25, "合作企业");
        Add(PartnerKind.PublicWelfareOrganisation, 12, "公益组织");
        return partners;

        void Add(PartnerKind kind, int count, string name)
        {
            for (var i = 1; i <= count; i++)
            {
                partners.Add(new PartnerOrganisation
                {
                    Kind = kind,
                    Name = $"{name}（演示）{i:D2}",
                    SquadId = squads[random.Next(squads.Count)].Id,
                    Since = today.AddDays(-random.Next(30, 1_500)),
                    Contact = $"0539-100-{partners.Count + 1:D4}",
                });
            }
        }
    }

    private int Coin(double chance) => random.NextDouble() < chance ? 1 : 0;
}
