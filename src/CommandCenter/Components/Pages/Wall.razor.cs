using CommandCenter.Components.Shared;
using CommandCenter.Live;

namespace CommandCenter.Components.Pages;

public partial class Wall
{
    private WallSummary? summary;
    private string connection = "connecting";
    private int markers;
    private IDisposable? subscription;

    protected override async Task OnInitializedAsync()
    {
        summary = await Summaries.GetAsync(CancellationToken.None);
        subscription = Feed.SubscribeAlerts(OnAlertAsync);
    }

    private async Task OnAlertAsync(AlertMessage alert)
    {
        var fresh = await Summaries.GetAsync(CancellationToken.None);
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
