using System.Globalization;
using CommandCenter.Geo.Fences;
using CommandCenter.Kit.Forms;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Fences;

/// <summary>A fence's scope and schedule in a few words, for the editor's list.</summary>
public sealed class FenceSummary(IStringLocalizer<UiText> text, IReadOnlyList<SquadChoice> squads)
{
    public string Scope(FenceView fence) => fence.Scope switch
    {
        FenceScopeKind.ListedSubjects => string.Format(CultureInfo.CurrentCulture, text["Fences.ListedCount"], fence.ScopeSubjectIds.Length),
        FenceScopeKind.RiskLevel => string.Format(CultureInfo.CurrentCulture, text["Subjects.RiskChip"], text[$"RiskLevel.{fence.ScopeRiskLevel}"]),
        FenceScopeKind.Squad => squads.FirstOrDefault(s => s.Id == fence.ScopeSquadId)?.Name ?? $"#{fence.ScopeSquadId}",
        _ => text["FenceScopeKind.AllSubjects"],
    };

    public string Schedule(FenceView fence)
    {
        if (fence.Schedule is not { } schedule)
        {
            return text["Fences.Always"];
        }

        var parts = (schedule.Windows ?? [])
            .Select(w => $"{Days(w.Days ?? [])} {w.Start}–{w.End}")
            .ToList();
        if (schedule.From is not null || schedule.To is not null)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["Fences.DateRange"], schedule.From ?? text["Fences.OpenEnd"], schedule.To ?? text["Fences.OpenEnd"]));
        }

        return parts.Count == 0 ? text["Fences.Always"] : string.Join(text["Fences.PartSeparator"], parts);
    }

    private string Days(IReadOnlyCollection<DayOfWeek> days) => days.Distinct().Count() == 7
        ? text["Fences.EveryDay"]
        : string.Join(text["Fences.ListSeparator"], days.Select(CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedDayName));
}
