using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.Supervision;

/// <summary>
/// The limits on leave permits (section <c>Leave</c>). The defaults are the implementing measures' and common
/// provincial practice: a squad decides up to 7 days on the county's delegation, asked 3 working days ahead
/// (7 for longer leave), at most 30 days in one go and 60 in a calendar year.
/// </summary>
public class LeaveOptions : ICheckedOptions
{
    public const string Section = "Leave";

    /// <summary>The longest leave, in days, the squad may approve on the county's delegation; longer leave is the brigade commander's decision and needs the longer notice.</summary>
    [Range(1, 366)]
    public int SquadMaxDays { get; set; } = 7;

    /// <summary>Working days of notice for leave of up to <see cref="SquadMaxDays"/> days.</summary>
    [Range(0, 60)]
    public int NoticeWorkingDays { get; set; } = 3;

    /// <summary>Working days of notice for longer leave.</summary>
    [Range(0, 60)]
    public int LongNoticeWorkingDays { get; set; } = 7;

    /// <summary>The most days one permit may cover.</summary>
    [Range(1, 366)]
    public int MaxDays { get; set; } = 30;

    /// <summary>The most days of approved leave in one calendar year.</summary>
    [Range(1, 366)]
    public int YearlyMaxDays { get; set; } = 60;

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(SquadMaxDays)}", TunableKind.Whole, "Leave", "Settings.Field.LeaveSquadMaxDays"),
        TunableField.Of($"{Section}:{nameof(NoticeWorkingDays)}", TunableKind.Whole, "Leave", "Settings.Field.LeaveNoticeWorkingDays"),
        TunableField.Of($"{Section}:{nameof(LongNoticeWorkingDays)}", TunableKind.Whole, "Leave", "Settings.Field.LeaveLongNoticeWorkingDays"),
        TunableField.Of($"{Section}:{nameof(MaxDays)}", TunableKind.Whole, "Leave", "Settings.Field.LeaveMaxDays"),
        TunableField.Of($"{Section}:{nameof(YearlyMaxDays)}", TunableKind.Whole, "Leave", "Settings.Field.LeaveYearlyMaxDays"),
    ];

    public IEnumerable<OptionsProblem> Problems()
    {
        if (SquadMaxDays > MaxDays)
        {
            yield return new OptionsProblem(nameof(SquadMaxDays), "The squad's limit cannot exceed the longest permit.");
        }

        if (MaxDays > YearlyMaxDays)
        {
            yield return new OptionsProblem(nameof(MaxDays), "One permit cannot be longer than the yearly total.");
        }
    }
}
