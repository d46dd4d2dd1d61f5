using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Site;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.AlertDesk;

/// <summary>The newest open alerts, updated live from the in-process feed.</summary>
public partial class AlertFeed
{
    private const int Shown = 60;
    private List<AlertMessage> alerts = [];
    private IDisposable? subscription;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        alerts = await Queries.RecentAsync(Shown, includeClosed: false, CancellationToken.None);
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.SubscribeAlerts(OnAlertAsync);
        }
    }

    private Task OnAlertAsync(AlertMessage alert) => InvokeAsync(() =>
    {
        alerts.RemoveAll(a => a.AlertId == alert.AlertId);
        if (AlertStates.IsOpen(alert.State))
        {
            alerts.Insert(0, alert);
            if (alerts.Count > Shown)
            {
                alerts.RemoveAt(alerts.Count - 1);
            }
        }

        StateHasChanged();
    });

    public void Dispose() => subscription?.Dispose();
}
