using System.Globalization;
using System.Security.Claims;
using CommandCenter.Localization;
using CommandCenter.Hosting;
using CommandCenter.Subjects.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommandCenter.Supervision.Pages;

/// <summary>
/// What the leave and check-in panels that Supervision places on the subject page share: they read through <see cref="SupervisionQueries"/>
/// and change through <see cref="SupervisionService"/> as the signed-in person, show times in site time, and
/// turn the service's refusal into a line on the open form.
/// </summary>
public abstract class SupervisionPanel : SubjectPagePanel
{
    [Inject]
    protected SupervisionService Service { get; set; } = default!;

    [Inject]
    protected SupervisionQueries Queries { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    protected SiteClock Clock { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<UiText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The refusal of the last step, shown on its form; null when it was stored.</summary>
    protected string? Refusal { get; set; }

    protected async Task<ClaimsPrincipal> UserAsync() => (await Authentication).User;

    /// <summary>Whether the step was stored; if so the success is announced, else its refusal kept for the form.</summary>
    protected bool Stored(SupervisionOutcome outcome, string doneKey)
    {
        if (outcome.Refusal is not null)
        {
            Refusal = string.Format(CultureInfo.CurrentCulture, L["Supervision.Refused"], outcome.Refusal);
            return false;
        }

        Refusal = null;
        Snackbar.Add(L[doneKey], Severity.Success);
        return true;
    }

    protected string Moment(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
