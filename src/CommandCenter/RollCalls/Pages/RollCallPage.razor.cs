using System.Globalization;
using System.Security.Claims;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.RollCalls.Pages;

/// <summary>
/// A roll call at the desk: the camera's live picture beside the people called, each marked present, absent or
/// excused (with a note) through <see cref="RollCallService"/>, which checks the caller's squad and audits the mark.
/// </summary>
public partial class RollCallPage
{
    [Parameter]
    public long Id { get; set; }

    [Inject]
    private RollCallQueries Queries { get; set; } = default!;

    [Inject]
    private RollCallService Service { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private RollCallView? call;
    private readonly Dictionary<int, string?> notes = [];
    private string? refusal;

    private bool Overdue => call is not null && Time.GetUtcNow() > call.Deadline;

    protected override async Task OnParametersSetAsync()
    {
        call = await Queries.FindAsync(Id, await UserAsync(), CancellationToken.None);
        foreach (var person in call?.Attendees ?? [])
        {
            notes.TryAdd(person.SubjectId, null);
        }
    }

    private async Task MarkAsync(RollCallAttendeeView person, RollCallMark mark)
    {
        var note = notes.GetValueOrDefault(person.SubjectId);
        if (mark is RollCallMark.Excused && string.IsNullOrWhiteSpace(note))
        {
            refusal = L["RollCall.NoteRequired"];
            return;
        }

        var outcome = await Service.MarkAsync(Id, person.SubjectId, new MarkRequest { Mark = mark, Note = note }, await UserAsync(), CancellationToken.None);
        refusal = outcome.Refusal is null ? null : string.Format(CultureInfo.CurrentCulture, L["RollCall.Refused"], outcome.Refusal);
        call = outcome.Stored as RollCallView ?? await Queries.FindAsync(Id, await UserAsync(), CancellationToken.None);
    }

    private static Color ColorOf(RollCallMark mark) => mark switch
    {
        RollCallMark.Present => Color.Success,
        RollCallMark.Absent => Color.Error,
        _ => Color.Warning,
    };

    private string Moment(DateTimeOffset at) => Clock.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<ClaimsPrincipal> UserAsync() => (await Authentication).User;
}
