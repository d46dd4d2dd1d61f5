using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Registry;
using CommandCenter.Subjects.Tracks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// Replays the subject's track over a chosen day on their map: only days an approved positioning order
/// covered can be chosen, nothing is loaded until asked (every showing is audited), and a slider or the
/// play button moves along the day.
/// </summary>
public partial class TrackReplay
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(150);

    private IReadOnlyList<TrackPoint> points = [];
    private List<(DateOnly From, DateOnly To)> covered = [];
    private DateOnly today;
    private DateOnly? day;
    private int cursor;
    private bool playing;
    private string? message;
    private ITimer? player;

    [Inject]
    private TrackQueries Tracks { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter, EditorRequired]
    public SubjectDetail Subject { get; set; } = default!;

    /// <summary>Whether a click on the map picks a place (a leave permit's destination) for the page.</summary>
    [Parameter]
    public bool Picking { get; set; }

    /// <summary>The place picked for a leave permit's destination, marked on the map.</summary>
    [Parameter]
    public (double Latitude, double Longitude)? Destination { get; set; }

    /// <summary>The metres around <see cref="Destination"/> the permit would cover.</summary>
    [Parameter]
    public double? DestinationRadius { get; set; }

    [Parameter]
    public EventCallback<(double Latitude, double Longitude)> OnMapClicked { get; set; }

    protected override void OnParametersSet()
    {
        today = Clock.Today(Time.GetUtcNow());
        covered = [.. Subject.Orders
            .Where(o => o.Status == PositioningOrderStatus.Approved && o.StartDate <= today && o.StartDate <= o.LastDay)
            .Select(o => (o.StartDate, o.LastDay < today ? o.LastDay : today))];

        // The latest day that may be shown, unless the person already chose one that still may.
        if (day is null || IsDisabled(day.Value.ToDateTime(TimeOnly.MinValue)))
        {
            day = covered.Count == 0 ? null : covered.Max(c => c.To);
        }
    }

    private bool IsDisabled(DateTime date)
    {
        var candidate = DateOnly.FromDateTime(date);
        return !covered.Any(c => candidate >= c.From && candidate <= c.To);
    }

    private void DayChanged(DateTime? date)
    {
        day = date is null ? null : DateOnly.FromDateTime(date.Value);
        Stop();
        points = [];
        cursor = 0;
        message = null;
    }

    private async Task LoadAsync()
    {
        if (day is not { } chosen)
        {
            return;
        }

        Stop();
        var track = await Tracks.DayAsync(Subject.Id, chosen, (await Authentication).User, null, CancellationToken.None);
        points = track.Points;
        cursor = 0;
        message = track.Outcome switch
        {
            TrackOutcome.Shown when points.Count == 0 => L["Track.NoFixes"],
            TrackOutcome.Shown when track.Truncated => string.Format(CultureInfo.CurrentCulture, L["Track.Truncated"], points.Count),
            TrackOutcome.Shown => null,
            _ => L["Track.Refused"],
        };
    }

    private void Seek(int index) => cursor = Math.Clamp(index, 0, Math.Max(0, points.Count - 1));

    private void TogglePlay()
    {
        if (playing)
        {
            Stop();
            return;
        }

        if (cursor >= points.Count - 1)
        {
            cursor = 0;
        }

        playing = true;

        // A day plays in about a minute, however many fixes it has.
        var step = Math.Max(1, points.Count / 400);
        player = Time.CreateTimer(_ => InvokeAsync(() =>
        {
            if (!playing)
            {
                return;
            }

            cursor = Math.Min(points.Count - 1, cursor + step);
            if (cursor >= points.Count - 1)
            {
                Stop();
            }

            StateHasChanged();
        }), null, Frame, Frame);
    }

    private void Stop()
    {
        playing = false;
        player?.Dispose();
        player = null;
    }

    public void Dispose() => Stop();
}
