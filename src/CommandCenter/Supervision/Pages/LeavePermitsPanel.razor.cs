using System.Globalization;
using MudBlazor;

namespace CommandCenter.Supervision.Pages;

/// <summary>
/// The subject's leave permits (外出审批): requesting one, with its destination picked on the subject's map;
/// approving or refusing a request for those with the authority (the buttons show only for them); withdrawing
/// a request or revoking a permit, with a reason. The steps go through <see cref="LeaveService"/>, which checks
/// the limits and the authority and audits them; what it refuses, naming the rule, is shown where it was asked.
/// </summary>
public partial class LeavePermitsPanel : SupervisionPanel
{
    private static readonly IReadOnlyDictionary<string, string> NoProblems = new Dictionary<string, string>();

    private IReadOnlyList<LeavePermitView> permits = [];
    private DateTimeOffset now;
    private bool requesting;
    private LeavePermitForm form = new();
    private IReadOnlyDictionary<string, string> problems = NoProblems;
    private long? actingId;
    private Step? acting;
    private string? reason;
    private System.Security.Claims.ClaimsPrincipal user = new();

    /// <summary>What can be done to a permit from its entry.</summary>
    private enum Step
    {
        Approve,
        Refuse,
        Revoke,
    }

    [Microsoft.AspNetCore.Components.Inject]
    private LeaveService Leave { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        user = await UserAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        now = Time.GetUtcNow();
        permits = await Queries.PermitsAsync(Subject.Id, user, CancellationToken.None) ?? [];
    }

    private async Task StartRequestAsync()
    {
        actingId = null;
        var today = Clock.Today(Time.GetUtcNow());

        // Far enough ahead for the usual notice, so that the form opens on dates the rules accept.
        var first = today.AddDays(7);
        form = new LeavePermitForm { FirstDay = first, LastDay = first.AddDays(2) };
        Clear();
        requesting = true;
        await OnPicking.InvokeAsync(form.RadiusKm * 1000);
    }

    private async Task CloseAsync()
    {
        requesting = false;
        Clear();
        await OnPicking.InvokeAsync(null);
    }

    private async Task RadiusChangedAsync(double? radiusKm)
    {
        form.RadiusKm = radiusKm;
        await OnPicking.InvokeAsync(radiusKm is > 0 ? radiusKm * 1000 : null);
    }

    private async Task RequestAsync()
    {
        Refusal = null;
        problems = form.Problems(Destination);
        if (problems.Count > 0 || Destination is not { } place)
        {
            return;
        }

        var outcome = await Leave.RequestAsync(Subject.Id, form.ToRequest(place, Clock), user, CancellationToken.None);
        if (Stored(outcome, "Leave.Granted"))
        {
            await CloseAsync();
            await ReloadAsync();
        }
    }

    /// <summary>The steps this person may take on the permit as it stands.</summary>
    private List<Step> Steps(LeavePermitView permit, LeavePermitStatus status)
    {
        var steps = new List<Step>();
        if (Leave.MayDecide(permit, user))
        {
            steps.AddRange([Step.Approve, Step.Refuse]);
        }

        if (status is LeavePermitStatus.Requested or LeavePermitStatus.Upcoming or LeavePermitStatus.InForce)
        {
            steps.Add(Step.Revoke);
        }

        return steps;
    }

    private void Start(LeavePermitView permit, Step step)
    {
        Clear();
        reason = null;
        actingId = permit.Id;
        acting = step;
    }

    private async Task ConfirmAsync(LeavePermitView permit)
    {
        var written = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (written is null && acting is Step.Refuse or Step.Revoke)
        {
            Refusal = L["Validation.Required"];
            return;
        }

        var outcome = acting switch
        {
            Step.Approve => await Leave.ApproveAsync(permit.Id, new LeaveStepRequest { Reason = written }, user, CancellationToken.None),
            Step.Refuse => await Leave.RefuseAsync(permit.Id, new LeaveStepRequest { Reason = written }, user, CancellationToken.None),
            _ => await Leave.RevokeAsync(permit.Id, new LeaveStepRequest { Reason = written }, user, CancellationToken.None),
        };
        if (Stored(outcome, DoneKey(acting!.Value)))
        {
            actingId = null;
            Clear();
            await ReloadAsync();
        }
    }

    private void Clear()
    {
        problems = NoProblems;
        Refusal = null;
    }

    private bool Has(string field) => problems.ContainsKey(field);

    private string? Error(string field) => problems.TryGetValue(field, out var key) ? L[key].Value : null;

    private string Requested(LeavePermitView permit) => permit.RequestedBy is { } officer
        ? string.Format(L["Leave.RequestedBy"], officer, Moment(permit.RequestedAt))
        : string.Format(L["Leave.RequestedByDevice"], Moment(permit.RequestedAt));

    private string Because(LeavePermitView permit) =>
        string.IsNullOrEmpty(permit.DecisionReason) ? "" : string.Format(L["Leave.Because"], permit.DecisionReason);

    private static string StepKey(Step step) => $"Leave.Step.{step}";

    private static string DoneKey(Step step) => $"Leave.Done.{step}";

    private static Color ColourOf(Step step) => step switch
    {
        Step.Approve => Color.Success,
        Step.Refuse => Color.Error,
        _ => Color.Warning,
    };

    private static Color ColourOf(LeavePermitStatus status) => status switch
    {
        LeavePermitStatus.InForce => Color.Success,
        LeavePermitStatus.Upcoming => Color.Primary,
        LeavePermitStatus.Requested => Color.Info,
        LeavePermitStatus.Revoked or LeavePermitStatus.Refused => Color.Error,
        _ => Color.Default,
    };

    /// <summary>A permit of whole days reads as its first and last day, as on the paper; any other as its two moments.</summary>
    private string Period(LeavePermitView permit)
    {
        var (starts, ends) = (Clock.ToLocal(permit.StartsAt), Clock.ToLocal(permit.EndsAt));
        return starts.TimeOfDay == TimeSpan.Zero && ends.TimeOfDay == TimeSpan.Zero
            ? $"{Day(starts)} – {Day(ends.AddDays(-1))}"
            : $"{Moment(permit.StartsAt)} – {Moment(permit.EndsAt)}";
    }

    private static string Day(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
