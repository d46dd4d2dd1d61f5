using System.Security.Claims;
using CommandCenter.Hosting;
using CommandCenter.Kit.Forms;
using CommandCenter.Ingest;
using CommandCenter.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.Devices;

/// <summary>
/// The site's devices: who carries which, enrolling, passing on, replacing and retiring them, and their keys,
/// each shown once in a dialog with the server URL for Traccar Client. Senders the ingest refused are listed
/// beside, to be enrolled with their serial filled in.
/// </summary>
public partial class DevicesPage
{
    private const int RefusedShown = 20;

    private readonly DialogOptions actionOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    private List<DeviceRow> devices = [];
    private List<DeviceSubject> subjects = [];
    private List<UnknownDeviceMessage> refused = [];
    private EnrolInput enrol = new() { Kind = nameof(Subjects.DeviceKind.TraccarClient) };
    private DeviceSubject? enrolFor;
    private DeviceSubject? assignTo;
    private ReplaceInput replacement = new();
    private ErrorsByField errors = ErrorsByField.None;
    private IssuedKey? issued;
    private DeviceRow? acting;
    private DeviceAction action;
    private bool actionVisible;
    private bool includeRetired;
    private string search = string.Empty;

    [Inject]
    private DeviceQueries Queries { get; set; } = default!;

    [Inject]
    private DeviceStore Store { get; set; } = default!;

    [Inject]
    private TraccarSetup Setup { get; set; } = default!;

    [Inject]
    private UnknownDevices Unknown { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>A serial to enrol, filled in from a link (a refused sender elsewhere on the desk).</summary>
    [SupplyParameterFromQuery(Name = "serial")]
    public string? SerialFromLink { get; set; }

    private IEnumerable<DeviceRow> Shown => devices.Where(d =>
        search.Length == 0 || d.Serial.Contains(search, StringComparison.OrdinalIgnoreCase) || d.SubjectCode.Contains(search, StringComparison.OrdinalIgnoreCase));

    protected override async Task OnInitializedAsync()
    {
        enrol.Serial = SerialFromLink;
        await ReloadAsync();
        subjects = await Queries.SubjectsAsync(await UserAsync(), CancellationToken.None);
    }

    private async Task ReloadAsync()
    {
        devices = await Queries.ListAsync(await UserAsync(), includeRetired, CancellationToken.None);
        refused = Unknown.Recent(RefusedShown);
    }

    private async Task ShowRetiredAsync(bool value)
    {
        includeRetired = value;
        await ReloadAsync();
    }

    private Task<IEnumerable<DeviceSubject>> SearchSubjects(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(subjects.Where(s => string.IsNullOrWhiteSpace(text) || s.Code.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private void PrefillSerial(string serial)
    {
        enrol.Serial = serial;
        errors = ErrorsByField.None;
    }

    private async Task EnrolAsync()
    {
        enrol.SubjectId = enrolFor?.Id;
        if (await ShowAsync(await Store.EnrolAsync(enrol, await UserAsync(), CancellationToken.None)))
        {
            enrol = new EnrolInput { Kind = enrol.Kind };
            enrolFor = null;
        }
    }

    private void Open(DeviceAction chosen, DeviceRow device)
    {
        action = chosen;
        acting = device;
        assignTo = subjects.FirstOrDefault(s => s.Id == device.SubjectId);
        replacement = new ReplaceInput { Kind = device.Kind.ToString(), Version = device.Version };
        errors = ErrorsByField.None;
        actionVisible = true;
    }

    private async Task ActAsync()
    {
        var user = await UserAsync();
        var version = new VersionInput { Version = acting!.Version };
        var outcome = action switch
        {
            DeviceAction.Assign => await Store.AssignAsync(acting.Id, new AssignInput { SubjectId = assignTo?.Id, Version = acting.Version }, user, CancellationToken.None),
            DeviceAction.Replace => await Store.ReplaceAsync(acting.Id, replacement, user, CancellationToken.None),
            DeviceAction.Retire => await Store.RetireAsync(acting.Id, version, user, CancellationToken.None),
            _ => await Store.RotateKeyAsync(acting.Id, version, user, CancellationToken.None),
        };
        if (await ShowAsync(outcome) || outcome.Kind is DeviceOutcomeKind.Stale or DeviceOutcomeKind.NotFound)
        {
            actionVisible = false;
        }
    }

    /// <summary>Shows what came of a change; true when it was stored.</summary>
    private async Task<bool> ShowAsync(DeviceOutcome outcome)
    {
        errors = new ErrorsByField(outcome.Errors);
        switch (outcome.Kind)
        {
            case DeviceOutcomeKind.Done:
                if (outcome.Key is not null)
                {
                    issued = new IssuedKey(outcome.Device!, outcome.Key, Setup.ServerUrl(Navigation.BaseUri, outcome.Key));
                }
                else
                {
                    Snackbar.Add(L["Devices.Saved"], Severity.Success);
                }

                await ReloadAsync();
                return true;
            case DeviceOutcomeKind.Stale:
            case DeviceOutcomeKind.NotFound:
                Snackbar.Add(L["Devices.Stale"], Severity.Warning);
                await ReloadAsync();
                return false;
            default:
                return false;
        }
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
