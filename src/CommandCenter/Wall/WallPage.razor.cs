using CommandCenter.Components.Shared;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Wall;

public partial class WallPage
{
    private static readonly TimeSpan SetupWatchInterval = TimeSpan.FromSeconds(15);

    private WallSummary? summary;
    private string connection = "connecting";
    private int markers;
    private IDisposable? subscription;
    private CoalescedRefresh? summaryRefresh;
    private int? squad;

    // What this wall hears: the viewer's own scope, or the one squad's region it was opened for (?squad=id).
    private RegionScope? region;
    private string? regionName;

    // Until the site has a county there is no map to draw; the wall looks again now and then, since it is
    // never reloaded by hand.
    private bool countyChosen = true;
    private ITimer? setupWatch;

    // The newest open alert with a position: the cameras around it are shown.
    private AlertMessage? latestPlaced;

    [Inject]
    private CommandCenter.AlertLog.AlertQueries Alerts { get; set; } = default!;

    [Inject]
    private ILogger<WallPage> Logger { get; set; } = default!;

    [Inject]
    private ISiteReadiness Readiness { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private RegionScopes Regions { get; set; } = default!;

    [Inject]
    private ISquadDirectory Squads { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The squad whose area alone the wall shows (a region wall); none: the viewer's whole scope.</summary>
    [SupplyParameterFromQuery(Name = WallHub.RegionParameter)]
    private string? RegionAsked { get; set; }

    protected override async Task OnInitializedAsync()
    {
        region = await Regions.ResolveAsync((await Authentication).User, RegionAsked, CancellationToken.None);
        if (region.Refused)
        {
            // Refused, the wall says why and shows nothing of any squad, rather than an empty map that looks calm.
            return;
        }

        squad = region.Squad;
        regionName = squad is null ? null : (await Squads.ListAsync(CancellationToken.None)).FirstOrDefault(s => s.Id == squad)?.Name;
        countyChosen = (await Readiness.ReadAsync(CancellationToken.None)).CountyChosen;
        if (!countyChosen)
        {
            setupWatch = Time.CreateTimer(_ => _ = WatchSetupAsync(), null, SetupWatchInterval, SetupWatchInterval);
        }

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

    private async Task WatchSetupAsync()
    {
        try
        {
            if ((await Readiness.ReadAsync(CancellationToken.None)).CountyChosen)
            {
                setupWatch?.Dispose();
                await InvokeAsync(() =>
                {
                    countyChosen = true;
                    StateHasChanged();
                });
            }
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            Logger.LogWarning(exception, "Could not read whether the site has a county yet.");
        }
    }

    private void OnConnectionChanged(string state) => connection = state;

    private void OnMarkersChanged(int count) => markers = count;

    public void Dispose()
    {
        subscription?.Dispose();
        setupWatch?.Dispose();
    }
}
