using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Kit.Forms;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.AlertDesk;

/// <summary>The desk's alert queue with its filters; live from the in-process feed, one line per alert.</summary>
public partial class DeskQueue
{
    /// <summary>How many alerts the queue reads and shows; a desk with more open than this has other problems.</summary>
    public const int Capacity = 200;

    private AlertQueue queue = new(new QueueFilter(), Capacity);
    private List<SquadChoice> squads = [];
    private IDisposable? subscription;
    private int? scope;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private SubjectQueries Subjects { get; set; } = default!;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter]
    public long? Selected { get; set; }

    [Parameter]
    public EventCallback<long> OnSelected { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        scope = SquadScope.Of(user);
        squads = await Subjects.SquadsAsync(user, CancellationToken.None);
        await FilterAsync(queue.Filter);
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.SubscribeAlerts(OnAlertAsync);
        }
    }

    /// <summary>The alert a step away from the given one in the queue's order.</summary>
    public long? Neighbour(long? current, int step) => queue.Neighbour(current, step);

    private async Task FilterAsync(QueueFilter filter)
    {
        var next = new AlertQueue(filter, Capacity);
        next.Load(await Queries.QueueAsync(filter, scope, Capacity, CancellationToken.None));
        queue = next;
    }

    private Task OnAlertAsync(AlertMessage alert) =>
        scope is { } own && alert.SquadId != own && alert.DispatchedSquadId != own
            ? Task.CompletedTask
            : InvokeAsync(() =>
            {
                if (queue.Apply(alert))
                {
                    StateHasChanged();
                }
            });

    public void Dispose() => subscription?.Dispose();
}
