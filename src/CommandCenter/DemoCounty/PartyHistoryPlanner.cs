using CommandCenter.Kpi.Records;
using CommandCenter.Squads;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The party branch of the demo: a secretary and committee in the brigade, each squad a party group led
/// by its squad leader; and its meetings, held to the cadence with now and then a group meeting missed.
/// </summary>
public class PartyHistoryPlanner(Random random)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
    private static readonly string[] Topics = ["学习贯彻社区矫正法", "警示教育", "廉政教育", "重温入党誓词", "业务工作研讨", "主题党日·志愿服务", "党史学习", "民主生活会"];

    public List<PartyMember> Members(IReadOnlyList<Squad> squads, DateOnly historyStart)
    {
        var members = new List<PartyMember>();
        void Add(PartyRole role, int? squadId, bool recent = false) => members.Add(new PartyMember
        {
            Name = $"{Surnames[random.Next(Surnames.Length)]}某{members.Count + 1:D3}",
            Role = role,
            SquadId = squadId,
            JoinedOn = recent ? historyStart.AddDays(random.Next(30, 600)) : historyStart.AddDays(-random.Next(200, 3_000)),
        });

        Add(PartyRole.Secretary, null);
        Add(PartyRole.CommitteeMember, null);
        Add(PartyRole.Member, null);
        Add(PartyRole.Member, null);
        Add(PartyRole.Member, null, recent: true);
        foreach (var squad in squads)
        {
            Add(PartyRole.CommitteeMember, squad.Id);
            var others = random.Next(3, 5);
            for (var i = 0; i < others; i++)
            {
                Add(i == others - 1 && random.Next(2) == 0 ? PartyRole.Probationary : PartyRole.Member, squad.Id, recent: i == others - 1);
            }
        }

        members[^2].LeftOn = historyStart.AddDays(random.Next(300, 600));
        return members;
    }

    public List<PartyMeeting> Meetings(IReadOnlyList<Squad> squads, IReadOnlyList<PartyMember> members, DateOnly firstMonth, DateOnly today)
    {
        var meetings = new List<PartyMeeting>();
        for (var month = firstMonth; month <= today; month = month.AddMonths(1))
        {
            var inQuarter = (month.Month - 1) % 3;
            Add(PartyMeetingKind.BranchCommittee, month.AddDays(random.Next(2, 8)), null, 7);
            Add(PartyMeetingKind.ThemedPartyDay, month.AddDays(random.Next(9, 20)), null, members.Count - random.Next(0, 4));
            if (inQuarter == 0)
            {
                Add(PartyMeetingKind.BranchAssembly, month.AddDays(random.Next(19, 26)), null, members.Count - random.Next(0, 3));
            }

            if (inQuarter == 1)
            {
                Add(PartyMeetingKind.PartyLecture, month.AddDays(random.Next(12, 26)), null, members.Count - random.Next(0, 5));
            }

            foreach (var squad in squads.Where(_ => random.NextDouble() > 0.04))
            {
                Add(PartyMeetingKind.GroupMeeting, month.AddDays(random.Next(4, 25)), squad.Id, members.Count(m => m.SquadId == squad.Id) - random.Next(0, 2));
            }
        }

        return meetings.Where(m => m.Date < today).ToList();

        void Add(PartyMeetingKind kind, DateOnly date, int? squadId, int attendance) => meetings.Add(new PartyMeeting
        {
            Kind = kind,
            Date = date,
            SquadId = squadId,
            Topic = Topics[random.Next(Topics.Length)],
            Attendance = Math.Max(1, attendance),
        });
    }
}
