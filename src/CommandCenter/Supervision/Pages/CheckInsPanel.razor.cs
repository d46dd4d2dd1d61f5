using System.Globalization;
using CommandCenter.Supervision;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommandCenter.Supervision.Pages;

/// <summary>
/// The subject's check-ins (报到): the schedule a missed-check-in alert is judged by, with its edit form, the
/// latest check-ins and a form to record one made at the office or reported by phone. The steps go through
/// <see cref="SupervisionService"/>, which checks and audits them and tells the rules.
/// </summary>
public partial class CheckInsPanel : SupervisionPanel
{
    /// <summary>Enough to see the rhythm of the last few months without a long page.</summary>
    private const int Shown = 10;

    [Inject]
    private IOptionsMonitor<CheckInOptions> Defaults { get; set; } = default!;

    private static readonly IReadOnlyDictionary<string, string> NoProblems = new Dictionary<string, string>();

    private CheckInSchedule? schedule;
    private IReadOnlyList<CheckIn> recent = [];
    private Step? step;
    private DateOnly? firstDue;
    private int? intervalDays;
    private TimeSpan? dueBy;
    private CheckInMethod? method;
    private string? note;
    private IReadOnlyDictionary<string, string> problems = NoProblems;

    private enum Step
    {
        Schedule,
        CheckIn,
    }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var history = await Queries.CheckInsAsync(Subject.Id, Shown, await UserAsync(), CancellationToken.None);
        schedule = history?.Schedule;
        recent = history?.Recent ?? [];
    }

    private void StartSchedule()
    {
        Close();
        step = Step.Schedule;
        firstDue = schedule?.FirstDue ?? Clock.Today(Time.GetUtcNow()).AddDays(7);
        intervalDays = schedule?.IntervalDays ?? Defaults.CurrentValue.IntervalDays;
        dueBy = (schedule?.DueBy ?? Defaults.CurrentValue.DueBy).ToTimeSpan();
    }

    private void StartCheckIn()
    {
        Close();
        step = Step.CheckIn;
        method = CheckInMethod.Office;
    }

    private void Close()
    {
        step = null;
        method = null;
        note = null;
        problems = NoProblems;
        Refusal = null;
    }

    private async Task SaveScheduleAsync()
    {
        var found = new Dictionary<string, string>();
        if (firstDue is null)
        {
            found["firstDue"] = L["Validation.Required"];
        }

        if (intervalDays is not (>= 1 and <= 366))
        {
            found["intervalDays"] = string.Format(CultureInfo.CurrentCulture, L["Validation.Range"], 1, 366);
        }

        if (dueBy is null)
        {
            found["dueBy"] = L["Validation.Required"];
        }

        problems = found;
        if (found.Count > 0)
        {
            return;
        }

        var request = new CheckInScheduleRequest { FirstDue = firstDue, IntervalDays = intervalDays, DueBy = TimeOnly.FromTimeSpan(dueBy!.Value) };
        await AfterAsync(await Service.SetScheduleAsync(Subject.Id, request, await UserAsync(), CancellationToken.None), "CheckIns.ScheduleSaved");
    }

    private async Task RecordAsync()
    {
        problems = method is null ? new Dictionary<string, string> { ["method"] = L["Validation.Required"] } : NoProblems;
        if (method is null)
        {
            return;
        }

        var request = new CheckInRequest { Method = method, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        await AfterAsync(await Service.RecordCheckInAsync(Subject.Id, request, await UserAsync(), CancellationToken.None), "CheckIns.Recorded");
    }

    private async Task AfterAsync(SupervisionOutcome outcome, string doneKey)
    {
        if (Stored(outcome, doneKey))
        {
            Close();
            await ReloadAsync();
        }
    }

    private bool Has(string field) => problems.ContainsKey(field);

    private string? Error(string field) => problems.GetValueOrDefault(field);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
