using System.Globalization;
using System.Security.Claims;
using CommandCenter.Cameras;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace CommandCenter.RollCalls.Pages;

/// <summary>
/// Calling a roll call: the officer picks people by case number, the camera nearest where they last were is
/// suggested (any camera may be chosen), the time to arrive defaults to the setting; and the recent roll calls.
/// </summary>
public partial class RollCallsPage
{
    private const int ShownPeople = 30;

    [Inject]
    private RollCallQueries Queries { get; set; } = default!;

    [Inject]
    private RollCallService Service { get; set; } = default!;

    [Inject]
    private CameraQueries Cameras { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<RollCallOptions> Options { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private List<CallablePerson> people = [];
    private List<CallablePerson> shown = [];
    private readonly HashSet<int> picked = [];
    private List<CameraView> cameras = [];
    private List<CameraView> suggested = [];
    private List<RollCallView> recent = [];
    private string? filter;
    private int? cameraId;
    private int minutes;
    private string? refusal;

    private IEnumerable<CameraView> CameraChoices => suggested.Concat(cameras.Where(c => suggested.All(s => s.Id != c.Id)));

    private string? Helper => suggested.Count > 0 ? L["RollCall.Suggest"].Value : picked.Count > 0 ? L["RollCall.NoSuggestion"].Value : null;

    protected override async Task OnInitializedAsync()
    {
        var user = await UserAsync();
        minutes = (int)Math.Round(Options.CurrentValue.Deadline.TotalMinutes);
        people = await Queries.CallableAsync(user, CancellationToken.None);
        cameras = await Cameras.AllAsync(includeRetired: false, CancellationToken.None);
        recent = await Queries.RecentAsync(user, 30, CancellationToken.None);
        Filtered();
    }

    // The people picked stay listed whatever the filter, so that one can be unpicked.
    private void Filtered() => shown = [.. people.Where(p => picked.Contains(p.Id)).Concat(people.Where(p => !picked.Contains(p.Id)
        && (string.IsNullOrWhiteSpace(filter) || p.Code.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase))).Take(ShownPeople))];

    private async Task PickAsync(CallablePerson person, bool on)
    {
        if (on)
        {
            picked.Add(person.Id);
        }
        else
        {
            picked.Remove(person.Id);
        }

        suggested = picked.Count == 0 ? [] : await Queries.SuggestAsync([.. picked], await UserAsync(), 3, CancellationToken.None) ?? [];
        cameraId = suggested.FirstOrDefault()?.Id ?? cameraId;
    }

    private async Task CallAsync()
    {
        var outcome = await Service.CallAsync(new RollCallRequest { CameraId = cameraId, SubjectIds = [.. picked], Minutes = minutes }, await UserAsync(), CancellationToken.None);
        if (outcome.Stored is RollCallView call)
        {
            Navigation.NavigateTo($"/roll-calls/{call.Id}");
            return;
        }

        refusal = string.Format(CultureInfo.CurrentCulture, L["RollCall.Refused"], outcome.Refusal);
    }

    private static string CameraText(CameraView camera) => camera.DistanceMeters is { } metres
        ? $"{camera.Code} · {camera.Name} · {Map.DistanceText.Of(metres)}"
        : $"{camera.Code} · {camera.Name}";

    private string Moment(DateTimeOffset at) => Clock.ToLocal(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<ClaimsPrincipal> UserAsync() => (await Authentication).User;
}
