using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Components.Shared;

/// <summary>
/// A panel that shows something read from the records (counts, squad states) and reads it again whenever an
/// alert is raised or changes, so it can never drift from the alerts themselves. A squad leader's panel reads
/// only their squad's, and so does a panel on a screen opened for one squad's region.
/// </summary>
public abstract class ReadAgainOnAlerts<TValue> : ComponentBase, IDisposable
{
    private IDisposable? subscription;
    private bool readAgain;
    private int? squad;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    [Inject]
    private ILoggerFactory Loggers { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The region the screen was opened for, already checked against the viewer, when it was.</summary>
    [CascadingParameter]
    private RegionScope? Region { get; set; }

    /// <summary>What was read last; null until the first read finished.</summary>
    protected TValue? Value { get; private set; }

    /// <summary>Reads the value; <paramref name="squad"/> is the squad a squad leader is limited to, else null.</summary>
    protected abstract Task<TValue> ReadAsync(int? squad, CancellationToken cancellationToken);

    protected override async Task OnInitializedAsync()
    {
        squad = RegionScope.Hearing(Region, (await Authentication).User);

        // Subscribed before the first read, so that an alert in between is not missed.
        if (RendererInfo.IsInteractive)
        {
            var logger = Loggers.CreateLogger(GetType());
            var refresh = new CoalescedRefresh(ReadAgainAsync, e => logger.LogWarning(e, "Could not read the panel again after an alert."));
            subscription = Feed.SubscribeAlerts(_ =>
            {
                refresh.Request();
                return Task.CompletedTask;
            });
        }

        var first = await ReadAsync(squad, CancellationToken.None);

        // A read started by an alert meanwhile is newer than this one.
        if (!readAgain)
        {
            Value = first;
        }
    }

    private async Task ReadAgainAsync()
    {
        var fresh = await ReadAsync(squad, CancellationToken.None);
        await InvokeAsync(() =>
        {
            readAgain = true;
            Value = fresh;
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
