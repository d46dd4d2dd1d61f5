using CommandCenter.Components.Shared;
using CommandCenter.Live;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Wall;

public partial class WallPage
{
    private WallSummary? summary;
    private string connection = "connecting";
    private int markers;
    private IDisposable? subscription;
    private CoalescedRefresh? summaryRefresh;
    private int? squad;

    // The newest open alert with a position: the cameras around it are shown.
    private AlertMessage? latestPlaced;

    [Inject]
    private CommandCenter.AlertLog.AlertQueries Alerts { get; set; } = default!;

    [Inject]
    private ILogger<WallPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        squad = SquadScope.Of((await Authentication).User);
        summary = await Summaries.GetAsync(squad, CancellationToken.None);
        latestPlaced = (await Alerts.RecentAsync(20, includeClosed: false, squad, CancellationToken.None)).FirstOrDefault(a => a.Latitude is not null);
        summaryRefresh = new CoalescedRefresh(ReadSummaryAsync, e => Logger.LogWarning(e, "Could not read the wall's figures again."));
        subscription = Feed.SubscribeAlerts(OnAlertAsync);
    }

    // The feed waits for its subscribers in turn, so the figures are read again apart from it: one wall's
    // query must not hold up the next screen's alert.
    private Task OnAlertAsync(AlertMessage alert)
    {
        summaryRefresh?.Request();
        return alert.Latitude is null || (squad is not null && alert.SquadId != squad) ? Task.CompletedTask : InvokeAsync(() =>
        {
            latestPlaced = alert;
            StateHasChanged();
        });
    }

    private async Task ReadSummaryAsync()
    {
        var fresh = await Summaries.GetAsync(squad, CancellationToken.None);
        await InvokeAsync(() =>
        {
            summary = fresh;
            StateHasChanged();
        });
    }

    private void OnConnectionChanged(string state) => connection = state;

    private void OnMarkersChanged(int count) => markers = count;

    public void Dispose() => subscription?.Dispose();
}
