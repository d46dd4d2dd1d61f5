using CommandCenter.AlertLog;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Wall;

/// <summary>The newest open alerts, updated live from the in-process feed.</summary>
public partial class AlertFeed
{
    private const int Shown = 60;
    private readonly OpenAlertList alerts = new(Shown);
    private IDisposable? subscription;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The region the wall was opened for, already checked against the viewer, when it was.</summary>
    [CascadingParameter]
    private RegionScope? Region { get; set; }

    private int? squad;

    protected override async Task OnInitializedAsync()
    {
        squad = RegionScope.Hearing(Region, (await Authentication).User);

        // Subscribed before the read, so an alert raised in between is not lost; one in both is shown once.
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.SubscribeAlerts(OnAlertAsync);
        }

        alerts.ApplyAll(await Queries.RecentAsync(Shown, includeClosed: false, squad, CancellationToken.None));
    }

    private Task OnAlertAsync(AlertMessage alert) => squad is not null && alert.SquadId != squad ? Task.CompletedTask : InvokeAsync(() =>
    {
        alerts.Apply(alert);
        StateHasChanged();
    });

    public void Dispose() => subscription?.Dispose();
}
