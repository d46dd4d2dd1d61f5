using CommandCenter.Components.Shared;
using CommandCenter.Live;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Components.Pages;

public partial class Wall
{
    private WallSummary? summary;
    private string connection = "connecting";
    private int markers;
    private IDisposable? subscription;
    private int? squad;

    // The newest open alert with a position: the cameras around it are shown.
    private AlertMessage? latestPlaced;

    [Inject]
    private CommandCenter.AlertDesk.AlertQueries Alerts { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        squad = SquadScope.Of((await Authentication).User);
        summary = await Summaries.GetAsync(squad, CancellationToken.None);
        latestPlaced = (await Alerts.RecentAsync(20, includeClosed: false, squad, CancellationToken.None)).FirstOrDefault(a => a.Latitude is not null);
        subscription = Feed.SubscribeAlerts(OnAlertAsync);
    }

    private async Task OnAlertAsync(AlertMessage alert)
    {
        var fresh = await Summaries.GetAsync(squad, CancellationToken.None);
        await InvokeAsync(() =>
        {
            summary = fresh;
            if (alert.Latitude is not null && (squad is null || alert.SquadId == squad))
            {
                latestPlaced = alert;
            }

            StateHasChanged();
        });
    }

    private void OnConnectionChanged(string state) => connection = state;

    private void OnMarkersChanged(int count) => markers = count;

    public void Dispose() => subscription?.Dispose();
}
