using System.Globalization;
using System.Security.Claims;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using CommandCenter.Subjects.CoDefendants;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// The subject's co-defendants (同案犯), whom 同案犯聚集 watches: the links from either side, a form to pick another
/// subject by case number, and a button to remove a link. The steps go through <see cref="CoDefendantStore"/>, which
/// keeps a squad leader within their squad and audits every change.
/// </summary>
public partial class CoDefendantsPanel : SubjectPagePanel
{
    private IReadOnlyList<CoDefendantView> linked = [];
    private bool adding;
    private CoDefendantCandidate? picked;
    private string? refusal;

    [Inject]
    private CoDefendantStore Store { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => linked = await Store.ListAsync(Subject.Id, await UserAsync(), CancellationToken.None) ?? [];

    private void StartAdding()
    {
        adding = true;
        picked = null;
        refusal = null;
    }

    private void Close()
    {
        adding = false;
        picked = null;
        refusal = null;
    }

    private async Task<IEnumerable<CoDefendantCandidate>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        var already = linked.Select(l => l.SubjectId).ToHashSet();
        return (await Store.CandidatesAsync(Subject.Id, text, await UserAsync(), cancellationToken)).Where(c => !already.Contains(c.Id));
    }

    private async Task LinkAsync()
    {
        if (picked is null)
        {
            return;
        }

        var outcome = await Store.LinkAsync(Subject.Id, new CoDefendantRequest { OtherSubjectId = picked.Id }, await UserAsync(), CancellationToken.None);
        if (After(outcome, "CoDefendants.Linked"))
        {
            Close();
        }
    }

    private async Task UnlinkAsync(CoDefendantView other) =>
        After(await Store.UnlinkAsync(Subject.Id, other.SubjectId, await UserAsync(), CancellationToken.None), "CoDefendants.Removed");

    private bool After(CoDefendantOutcome outcome, string doneKey)
    {
        if (outcome.Linked is null)
        {
            refusal = string.Format(CultureInfo.CurrentCulture, L["CoDefendants.Refused"], outcome.Refusal);
            return false;
        }

        linked = outcome.Linked;
        Snackbar.Add(L[doneKey], Severity.Success);
        return true;
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await Authentication).User;

    private string Moment(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
