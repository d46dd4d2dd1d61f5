using System.Security.Claims;
using CommandCenter.Geo.Datums;
using CommandCenter.Hosting;
using CommandCenter.Site.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommandCenter.Site.County;

/// <summary>
/// The county picker: search the shipped boundaries by name or code, preview the county and its neighbours
/// on the map, and choose it; or import a boundary file in a named datum.
/// </summary>
public partial class CountyPage
{
    private const int SearchLimit = 20;

    // A county boundary with its islands is a few megabytes at most; a file far beyond that is a mistake.
    private const long MaxImportBytes = 32 * 1024 * 1024;

    // The brigade's official name, the same in every language of the screens, as the county's own name is.
    private const string BrigadeSuffix = "社区矫正大队";

    private CountyView? current;
    private string query = string.Empty;
    private IReadOnlyList<ShippedCounty>? results;
    private ShippedCounty? chosen;
    private bool searching;
    private bool saving;
    private string? searchError;
    private Datum importDatum = Datum.Gcj02;
    private string? importCode;
    private string? importName;
    private string? importError;
    private string? importField;

    [Inject]
    private ShippedCountyIndex Index { get; set; } = default!;

    [Inject]
    private CountyStore Store { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<CountyPage> Logger { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<SiteOptions> Site { get; set; } = default!;

    [Inject]
    private SettingsStore Settings { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The chosen county's preview, else the stored base map, else nothing.</summary>
    private string? PreviewUrl => chosen is { } pick ? $"/api/v1/site/counties/{pick.Code}" : current is not null ? "/api/v1/map/regions" : null;

    /// <summary>The header's name the chosen county suggests, while the site still shows another one.</summary>
    private string? SuggestedBrigadeName => current is { } county && !Site.CurrentValue.BrigadeName.StartsWith(county.Name, StringComparison.Ordinal)
        ? county.Name + BrigadeSuffix
        : null;

    protected override async Task OnInitializedAsync()
    {
        current = await Store.CurrentAsync(CancellationToken.None);

        // The first search waits for the index; starting it now usually hides that wait.
        _ = Index.AllAsync();
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs key)
    {
        if (key.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return;
        }

        searching = true;
        searchError = null;
        StateHasChanged();
        try
        {
            results = await Index.SearchAsync(query, SearchLimit);
            if (results.Count == 1)
            {
                chosen = results[0];
            }
        }
        catch (DirectoryNotFoundException exception)
        {
            Logger.LogError(exception, "The shipped county boundaries are missing.");
            searchError = L["Site.County.BoundariesMissing"];
        }
        finally
        {
            searching = false;
        }
    }

    private void Choose(ShippedCounty county) => chosen = county;

    private async Task SaveAsync()
    {
        if (chosen is not { } pick)
        {
            return;
        }

        saving = true;
        try
        {
            Show(await Store.ChooseShippedAsync(pick.Code, current?.Code ?? string.Empty, await ActorAsync(), CancellationToken.None), null);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs change)
    {
        importError = null;
        importField = null;
        if (change.File.Size > MaxImportBytes)
        {
            importError = L["Site.County.FileTooLarge", MaxImportBytes / 1024 / 1024];
            return;
        }

        using var buffer = new MemoryStream();
        await using (var upload = change.File.OpenReadStream(MaxImportBytes))
        {
            await upload.CopyToAsync(buffer);
        }

        buffer.Position = 0;
        var result = await Store.ImportAsync(buffer, importDatum, importCode, importName, current?.Code ?? string.Empty, await ActorAsync(), CancellationToken.None);
        Show(result, imported: true);
    }

    private void Show(CountySaveResult result, bool? imported)
    {
        if (result.County is { } county)
        {
            current = county;
            chosen = null;
            Snackbar.Add(L["Site.County.Saved", county.Name, county.Neighbours], Severity.Success);
            return;
        }

        var message = result.Status == StatusCodes.Status409Conflict ? L["Site.County.Conflict"].Value : L["Site.County.Refused", result.Message ?? string.Empty].Value;
        if (imported == true)
        {
            importError = message;
            importField = result.Field;
        }
        else
        {
            Snackbar.Add(message, Severity.Error);
        }
    }

    private async Task<string> ActorAsync() => (await Authentication).User.FindFirstValue(ClaimTypes.Name) ?? "unknown";

    /// <summary>Renames the brigade after the county, as a saved (and audited) setting; the page reloads so that the header shows it.</summary>
    private async Task UseSuggestedNameAsync()
    {
        if (SuggestedBrigadeName is not { } name)
        {
            return;
        }

        var version = (await Settings.ReadAsync(CancellationToken.None)).Version;
        var saved = await Settings.SaveAsync(
            new SettingsChange { Version = version, Values = new() { [$"{SiteOptions.Section}:{nameof(SiteOptions.BrigadeName)}"] = name } },
            await ActorAsync(), null, CancellationToken.None);
        if (saved.Errors.Count > 0)
        {
            Snackbar.Add(L["Site.County.RenameFailed"], Severity.Error);
            return;
        }

        Navigation.Refresh(forceReload: true);
    }
}
