using System.Security.Claims;
using CommandCenter.AlertLog;
using CommandCenter.Devices;
using CommandCenter.Hosting;
using CommandCenter.Kit.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// The protected people's set-up: enrolling a person and their phone (the key shown once, with the server URL for
/// Traccar Client), linking the subjects who must keep away with the radii (the settings' defaults filled in), ending
/// links and retiring a phone. Names appear masked; where a person is appears nowhere.
/// </summary>
public partial class ProtectedPeoplePage
{
    private readonly DialogOptions dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    private List<ProtectedPersonRow> people = [];
    private List<DeviceSubject> subjects = [];
    private List<(int Id, string Name)> squads = [];
    private ProtectedPersonInput enrol = new();
    private ProtectedLinkInput link = new();
    private DeviceSubject? linkTo;
    private ProtectedPersonRow? acting;
    private ProtectedIssuedKey? issued;
    private ErrorsByField errors = ErrorsByField.None;
    private bool linkVisible;
    private bool retiring;

    [Inject]
    private ProtectedPersonQueries Queries { get; set; } = default!;

    [Inject]
    private ProtectedPersonStore Store { get; set; } = default!;

    [Inject]
    private DeviceQueries Devices { get; set; } = default!;

    [Inject]
    private ProtectedPhoneSetup Setup { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<AlertOptions> AlertOptions { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = await UserAsync();
        await ReloadAsync();
        subjects = await Devices.SubjectsAsync(user, CancellationToken.None);
        squads = await Queries.SquadsAsync(user, CancellationToken.None);
        enrol.SquadId = squads.Count == 1 ? squads[0].Id : null;
    }

    private async Task ReloadAsync() => people = await Queries.ListAsync(await UserAsync(), CancellationToken.None);

    private Task<IEnumerable<DeviceSubject>> SearchSubjects(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(subjects.Where(s => string.IsNullOrWhiteSpace(text) || s.Code.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private async Task EnrolAsync()
    {
        var outcome = await Store.EnrolAsync(enrol, await UserAsync(), CancellationToken.None);
        errors = new ErrorsByField(outcome.Errors);
        if (outcome is { Kind: DeviceOutcomeKind.Done, Person: { } person, Key: { } key })
        {
            issued = new ProtectedIssuedKey(person, key, Setup.ServerUrl(Navigation.BaseUri, key));
            enrol = new ProtectedPersonInput { SquadId = enrol.SquadId };
            await ReloadAsync();
        }
    }

    private void OpenLink(ProtectedPersonRow person)
    {
        var defaults = AlertOptions.CurrentValue;
        (acting, retiring, linkTo) = (person, false, null);
        link = new ProtectedLinkInput { ExclusionMetres = defaults.ProtectedExclusionMetres, WarningMetres = defaults.ProtectedWarningMetres };
        errors = ErrorsByField.None;
        linkVisible = true;
    }

    private void OpenRetire(ProtectedPersonRow person)
    {
        (acting, retiring) = (person, true);
        errors = ErrorsByField.None;
        linkVisible = true;
    }

    private async Task ActAsync()
    {
        var user = await UserAsync();
        link.SubjectId = linkTo?.Id;
        var outcome = retiring
            ? await Store.RetireAsync(acting!.Id, user, CancellationToken.None)
            : await Store.LinkAsync(acting!.Id, link, user, CancellationToken.None);
        errors = new ErrorsByField(outcome.Errors);
        if (outcome.Kind is DeviceOutcomeKind.Done or DeviceOutcomeKind.NotFound)
        {
            linkVisible = false;
            Snackbar.Add(L["Protected.Saved"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task UnlinkAsync(ProtectedPersonRow person, ProtectedLinkRow row)
    {
        await Store.UnlinkAsync(person.Id, row.SubjectId, await UserAsync(), CancellationToken.None);
        await ReloadAsync();
    }

    private void KeyDialogChanged(bool visible)
    {
        if (!visible)
        {
            issued = null;
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await Authentication).User;
}
