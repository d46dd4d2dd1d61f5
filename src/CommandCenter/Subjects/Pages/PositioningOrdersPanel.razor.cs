using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Positioning;
using CommandCenter.Subjects.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// The subject's electronic-positioning orders and the steps a person's role allows on them: an officer
/// requests or extends, the bureau head approves or rejects, either lifts an order no longer needed. The
/// steps go through <see cref="PositioningStore"/>, which enforces the legal limits; its refusals are shown
/// beside the fields they concern.
/// </summary>
public partial class PositioningOrdersPanel
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private OrderAction? action;
    private int? actionOrderId;
    private PositioningReason? ground;
    private DateOnly? startDate;
    private DateOnly? endDate;
    private string? note;
    private IReadOnlyDictionary<string, string[]> errors = NoErrors;
    private DateOnly today;

    private enum OrderAction
    {
        Request,
        Extend,
        Reject,
        End,
    }

    [Inject]
    private PositioningStore Store { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter, EditorRequired]
    public SubjectDetail Subject { get; set; } = default!;

    /// <summary>Raised after a step was stored, so the page reads the subject again.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private string NoteField => action switch
    {
        OrderAction.Extend => "reassessment",
        OrderAction.End => "reason",
        _ => "note",
    };

    private string NoteLabel => action switch
    {
        OrderAction.Extend => "Positioning.Field.Reassessment",
        OrderAction.End => "Positioning.Field.EndReason",
        _ => "Positioning.Field.RejectionNote",
    };

    protected override void OnParametersSet() => today = Clock.Today(Time.GetUtcNow());

    private void StartRequest()
    {
        Close();
        action = OrderAction.Request;
        startDate = today;
        var latest = PositioningRules.LatestEnd(today);
        endDate = latest < Subject.TermEnd ? latest : Subject.TermEnd;
    }

    private void Start(OrderAction step, OrderView order)
    {
        Close();
        action = step;
        actionOrderId = order.Id;
        if (step == OrderAction.Extend)
        {
            var latest = PositioningRules.LatestEnd(order.EndDate.AddDays(1));
            endDate = latest < Subject.TermEnd ? latest : Subject.TermEnd;
        }
    }

    private void Close()
    {
        action = null;
        actionOrderId = null;
        ground = null;
        startDate = null;
        endDate = null;
        note = null;
        errors = NoErrors;
    }

    private async Task RequestAsync()
    {
        var user = (await Authentication).User;
        await AfterAsync(await Store.RequestAsync(Subject.Id, new OrderRequest(ground, startDate, endDate, note), user, CancellationToken.None), "Positioning.Requested");
    }

    private async Task ApproveAsync(OrderView order)
    {
        Close();
        actionOrderId = order.Id;
        await AfterAsync(await Store.ApproveAsync(Subject.Id, order.Id, (await Authentication).User, CancellationToken.None), "Positioning.Approved");
    }

    private async Task ConfirmAsync(OrderView order)
    {
        var user = (await Authentication).User;
        var result = action switch
        {
            OrderAction.Extend => await Store.ExtendAsync(Subject.Id, order.Id, new ExtensionRequest(endDate, note), user, CancellationToken.None),
            OrderAction.Reject => await Store.RejectAsync(Subject.Id, order.Id, new RejectionRequest(note), user, CancellationToken.None),
            _ => await Store.EndAsync(Subject.Id, order.Id, new EndRequest(note), user, CancellationToken.None),
        };
        await AfterAsync(result, action switch
        {
            OrderAction.Extend => "Positioning.Requested",
            OrderAction.Reject => "Positioning.Rejected",
            _ => "Positioning.Ended",
        });
    }

    private async Task AfterAsync(OrderResult result, string doneKey)
    {
        if (result.Outcome != OrderOutcome.Done)
        {
            errors = result.Outcome == OrderOutcome.Invalid
                ? result.Errors
                : new Dictionary<string, string[]> { ["order"] = [L["Positioning.NotAllowed"]] };
            return;
        }

        Close();
        Snackbar.Add(L[doneKey], Severity.Success);
        await OnChanged.InvokeAsync();
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Error(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Refusals that concern no field of the open form (the order, the subject, an overlap): shown under it.</summary>
    private IEnumerable<string> Others(params string[] shown) =>
        errors.Where(e => !shown.Contains(e.Key)).Select(e => string.Join(" ", e.Value));

    /// <summary>How the order stands today, as a text key suffix and a CSS class.</summary>
    private string StateOf(OrderView order) => order.Status switch
    {
        PositioningOrderStatus.Requested => "Requested",
        PositioningOrderStatus.Rejected => "Rejected",
        _ when order.EndedEarlyOn is not null => "EndedEarly",
        _ when order.InForceToday => "InForce",
        _ when order.StartDate > today => "Upcoming",
        _ => "Expired",
    };

    private Color ColourOf(OrderView order) => StateOf(order) switch
    {
        "InForce" => order.EndsSoon ? Color.Warning : Color.Success,
        "Requested" => Color.Info,
        "Upcoming" => Color.Primary,
        "Rejected" => Color.Error,
        _ => Color.Default,
    };

    private string Moment(DateTimeOffset? at) => at is { } instant ? Clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
