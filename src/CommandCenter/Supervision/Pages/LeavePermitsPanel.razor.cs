using System.Globalization;
using MudBlazor;

namespace CommandCenter.Supervision.Pages;

/// <summary>
/// The subject's leave permits (外出审批): recording an approved one, with its destination picked on the
/// subject's map, and revoking one with a reason. The steps go through <see cref="SupervisionService"/>, which
/// checks and audits them; what it refuses is shown on the form.
/// </summary>
public partial class LeavePermitsPanel : SupervisionPanel
{
    private static readonly IReadOnlyDictionary<string, string> NoProblems = new Dictionary<string, string>();

    private IReadOnlyList<LeavePermitView> permits = [];
    private DateTimeOffset now;
    private bool granting;
    private LeavePermitForm form = new();
    private IReadOnlyDictionary<string, string> problems = NoProblems;
    private long? revokingId;
    private string? reason;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        now = Time.GetUtcNow();
        permits = await Queries.PermitsAsync(Subject.Id, await UserAsync(), CancellationToken.None) ?? [];
    }

    private async Task StartGrantAsync()
    {
        revokingId = null;
        var today = Clock.Today(Time.GetUtcNow());
        form = new LeavePermitForm { FirstDay = today, LastDay = today.AddDays(2) };
        Clear();
        granting = true;
        await OnPicking.InvokeAsync(form.RadiusKm * 1000);
    }

    private async Task CloseAsync()
    {
        granting = false;
        Clear();
        await OnPicking.InvokeAsync(null);
    }

    private async Task RadiusChangedAsync(double? radiusKm)
    {
        form.RadiusKm = radiusKm;
        await OnPicking.InvokeAsync(radiusKm is > 0 ? radiusKm * 1000 : null);
    }

    private async Task GrantAsync()
    {
        Refusal = null;
        problems = form.Problems(Destination);
        if (problems.Count > 0 || Destination is not { } place)
        {
            return;
        }

        var outcome = await Service.GrantLeaveAsync(Subject.Id, form.ToRequest(place, Clock), await UserAsync(), CancellationToken.None);
        if (Stored(outcome, "Leave.Granted"))
        {
            await CloseAsync();
            await ReloadAsync();
        }
    }

    private void StartRevoke(LeavePermitView permit)
    {
        Clear();
        reason = null;
        revokingId = permit.Id;
    }

    private async Task RevokeAsync(LeavePermitView permit)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Refusal = L["Validation.Required"];
            return;
        }

        var outcome = await Service.RevokeLeaveAsync(permit.Id, new RevokeRequest { Reason = reason.Trim() }, await UserAsync(), CancellationToken.None);
        if (Stored(outcome, "Leave.Revoked"))
        {
            revokingId = null;
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

    private static Color ColourOf(LeavePermitStatus status) => status switch
    {
        LeavePermitStatus.InForce => Color.Success,
        LeavePermitStatus.Upcoming => Color.Primary,
        LeavePermitStatus.Revoked => Color.Error,
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
