using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// The commander's squads page: add a squad, change its details, pick its base and draw its area on the map,
/// retire it once nothing current belongs to it; with the county's coverage checked after every change (an
/// overlap is refused on saving, a gap is a warning drawn on the map).
/// </summary>
public partial class SquadsPage
{
    private List<SquadDetail> squads = [];
    private SquadCoverageReport? coverage;
    private SquadForm form = new();
    private int? editingId;
    private string? draftArea;
    private int draftVersion;
    private int pickBase;
    private bool confirmingRetire;
    private Dictionary<string, string[]> errors = [];

    [Inject]
    private SquadAdmin Admin { get; set; } = default!;

    [Inject]
    private SquadCoverage Coverage { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private SquadDetail? Editing => squads.FirstOrDefault(s => s.Id == editingId);

    /// <summary>Refusals that are not about one field of the form: a stale version, what still belongs to a squad.</summary>
    private IEnumerable<string> Conflicts => errors.Where(e => e.Key is "id" or "version").SelectMany(e => e.Value);

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        squads = await Admin.AllAsync(CancellationToken.None);
        coverage = await Coverage.ReportAsync(CancellationToken.None);
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? ErrorOf(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private static string SquareKilometres(double squareMetres) => (squareMetres / 1_000_000).ToString("0.##", CultureInfo.CurrentCulture);

    private void AreaChanged(string? area) => form.Area = area;

    private void BaseChanged((double Latitude, double Longitude) at)
    {
        form.BaseLatitude = at.Latitude;
        form.BaseLongitude = at.Longitude;
    }

    private void Open(int id)
    {
        var squad = squads.First(s => s.Id == id);
        editingId = id;
        form = SquadForm.Of(squad);
        Reset(squad.Area);
    }

    private void StartNew()
    {
        editingId = null;
        form = new SquadForm();
        Reset(null);
    }

    private void ClearArea()
    {
        form.Area = null;
        draftArea = null;
        draftVersion++;
    }

    private void Reset(string? area)
    {
        draftArea = area;
        draftVersion++;
        confirmingRetire = false;
        errors = [];
    }

    private async Task SaveAsync()
    {
        var actor = (await Authentication).User.Identity!.Name!;
        var result = await Admin.SaveAsync(editingId, form.ToInput(), actor, CancellationToken.None);
        if (!result.Succeeded)
        {
            errors = result.Errors;
            return;
        }

        Snackbar.Add(string.Format(L["Squads.Admin.Saved"], form.Name.Trim()), Severity.Success);
        await ReloadAsync();
        Open(result.Id!.Value);
    }

    private async Task RetireAsync(int id)
    {
        if (!confirmingRetire)
        {
            confirmingRetire = true;
            return;
        }

        var actor = (await Authentication).User.Identity!.Name!;
        var result = await Admin.RetireAsync(id, form.Version, actor, CancellationToken.None);
        confirmingRetire = false;
        if (!result.Succeeded)
        {
            errors = result.Errors;
            return;
        }

        Snackbar.Add(string.Format(L["Squads.Admin.RetiredNow"], form.Name), Severity.Info);
        await ReloadAsync();
        Open(id);
    }
}
