using System.Globalization;
using System.Security.Claims;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.Site.Settings;

/// <summary>
/// The thresholds and defaults a county tunes, by group; a changed field is marked until it is saved, a stored
/// one can be reset to its default. The change goes through <see cref="SettingsStore"/>, as the API's does.
/// </summary>
public partial class SettingsPage
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private SettingsView? view;

    // Key to the value typed; null resets the setting to its default.
    private Dictionary<string, string?> edits = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyDictionary<string, string[]> errors = NoErrors;
    private string? refusal;

    [Inject]
    private SettingsStore Store { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync() => view = await Store.ReadAsync(CancellationToken.None);

    private string Label(SettingView setting) =>
        string.Format(CultureInfo.CurrentCulture, L[setting.LabelKey], setting.LabelArguments.Select(a => (object)L[a].Value).ToArray());

    private string DefaultText(SettingView setting) =>
        string.Format(L["Settings.Default"], setting.Default is null ? L["Settings.NoOwnValue"].Value : Readable(setting, setting.Default));

    private string Readable(SettingView setting, string value) => setting.Kind switch
    {
        "Choice" => L[$"Severity.{value}"],
        "Switch" => value == "true" ? L["Settings.On"] : L["Settings.Off"],
        "TimeOfDay" when value.Length > 5 => value[..5],
        _ => value,
    };

    private string? Shown(SettingView setting) =>
        edits.TryGetValue(setting.Key, out var edited) ? edited ?? setting.Default : setting.Value is { } value && setting.Kind == "TimeOfDay" && value.Length > 5 ? value[..5] : setting.Value;

    // An emptied field is kept as typed (the text must not jump back while someone types) and saved as a reset.
    private void Edit(SettingView setting, string? value) => edits[setting.Key] = value?.Trim() ?? string.Empty;

    private void Reset(SettingView setting)
    {
        if (setting.Stored is null)
        {
            edits.Remove(setting.Key);
        }
        else
        {
            edits[setting.Key] = null;
        }
    }

    private void Discard()
    {
        edits = new(StringComparer.OrdinalIgnoreCase);
        errors = NoErrors;
        refusal = null;
    }

    private async Task SaveAsync()
    {
        var user = (await Authentication).User;
        var result = await Store.SaveAsync(new SettingsChange { Version = view!.Version, Values = edits.ToDictionary(e => e.Key, e => string.IsNullOrEmpty(e.Value) ? null : e.Value) }, user.FindFirstValue(ClaimTypes.Name) ?? "unknown", null, CancellationToken.None);
        if (result.View is { } saved)
        {
            view = saved;
            Discard();
            Snackbar.Add(L["Settings.Saved"], Severity.Success);
            return;
        }

        errors = result.Errors;
        if (result.Status == StatusCodes.Status409Conflict)
        {
            // Someone else saved meanwhile: show their values; what was typed here stays to be saved again.
            view = await Store.ReadAsync(CancellationToken.None);
            refusal = L["Settings.ChangedMeanwhile"];
            errors = NoErrors;
            return;
        }

        refusal = L["Settings.Invalid"];
    }

    private bool Has(SettingView setting) => errors.ContainsKey(setting.Key);

    // The API's problem details name the rule in English for scripts; the page says it in the reader's language.
    private string? Error(SettingView setting) => errors.ContainsKey(setting.Key) ? L[$"Settings.Invalid.{setting.Kind}"].Value : null;

    private string Moment(DateTimeOffset at) => Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
