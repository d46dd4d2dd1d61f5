using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Geo.Fences;
using CommandCenter.Kit.Forms;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommandCenter.Fences;

/// <summary>
/// The fences editor: draw and reshape a fence on the map, set its kind, buffer, scope and schedule, save
/// it (live in the rules at once), and import or export fences as GeoJSON.
/// </summary>
public partial class FencesPage
{
    private const long MaxFileBytes = 5 * 1024 * 1024;

    private List<FenceView> fences = [];
    private List<SquadChoice> squads = [];
    private FenceSummary summary = default!;
    private FenceForm form = new();
    private int? editingId;
    private string? draftArea;
    private int draftVersion;
    private bool confirmingDelete;
    private IReadOnlyList<string> repairs = [];
    private Dictionary<string, string[]> errors = [];
    private Dictionary<string, string[]> importErrors = [];

    [Inject]
    private FenceQueries Queries { get; set; } = default!;

    [Inject]
    private FenceStore Store { get; set; } = default!;

    [Inject]
    private IDbContextFactory<CommandCenterDb> Factory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private int PolygonsDrawn
    {
        get
        {
            using var area = JsonDocument.Parse(form.Area!);
            return area.RootElement.GetProperty("type").GetString() == "MultiPolygon" ? area.RootElement.GetProperty("coordinates").GetArrayLength() : 1;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            squads = await db.Squads.OrderBy(s => s.Code).Select(s => new SquadChoice(s.Id, s.Name)).ToListAsync();
        }

        summary = new FenceSummary(L, squads);
        await ReloadAsync();
    }

    private async Task ReloadAsync() => fences = await Queries.AllAsync(SquadScope.OfPeople((await Authentication).User), CancellationToken.None);

    private void AreaChanged(string? area) => form.Area = area;

    private void Open(int id)
    {
        var fence = fences.First(f => f.Id == id);
        editingId = id;
        form = FenceForm.Of(fence);
        Reset(fence.Area.GetRawText());
    }

    private void StartNew()
    {
        editingId = null;
        form = new FenceForm();
        Reset(null);
    }

    /// <summary>Puts an area into the drawing tools and forgets the last save's messages.</summary>
    private void Reset(string? area)
    {
        draftArea = area;
        draftVersion++;
        errors = [];
        repairs = [];
        confirmingDelete = false;
    }

    private async Task SaveAsync()
    {
        if (form.Scope == FenceScopeKind.ListedSubjects && form.ReadSubjectIds().NotAnId is { } notAnId)
        {
            errors = new() { ["scopeSubjectIds"] = [string.Format(L["Fences.NotAnId"], notAnId)] };
            return;
        }

        var result = await Store.SaveAsync(editingId, form.ToInput(), await ActorAsync(), CancellationToken.None);
        if (!result.Succeeded)
        {
            errors = result.Errors;
            if (result.Status != StatusCodes.Status400BadRequest)
            {
                Snackbar.Add(Refusal(result), Severity.Error);
            }

            return;
        }

        Snackbar.Add(L["Fences.Saved"], Severity.Success);
        await ReloadAsync();
        Open(result.Id!.Value);
        repairs = result.Repairs;
    }

    private async Task DeactivateAsync(int id)
    {
        var result = await Store.DeactivateAsync(id, await ActorAsync(), CancellationToken.None);
        await AfterChangeAsync(result, L["Fences.Deactivated"]);
        if (result.Succeeded)
        {
            Open(id);
        }
    }

    private async Task DeleteAsync(int id)
    {
        if (!confirmingDelete)
        {
            confirmingDelete = true;
            return;
        }

        var result = await Store.DeleteAsync(id, await ActorAsync(), CancellationToken.None);
        await AfterChangeAsync(result, L["Fences.Deleted"]);
        if (result.Succeeded)
        {
            StartNew();
        }
    }

    private async Task AfterChangeAsync(FenceSaveResult result, string done)
    {
        confirmingDelete = false;
        if (!result.Succeeded)
        {
            Snackbar.Add(Refusal(result), Severity.Error);
            return;
        }

        Snackbar.Add(done, Severity.Success);
        await ReloadAsync();
    }

    private async Task ImportAsync(InputFileChangeEventArgs change)
    {
        if (change.File.Size > MaxFileBytes)
        {
            importErrors = new() { ["file"] = [L["Fences.FileTooLarge"]] };
            return;
        }

        await using var stream = change.File.OpenReadStream(MaxFileBytes);
        var outcome = await Store.ImportAsync(stream, await ActorAsync(), CancellationToken.None);
        importErrors = outcome.Errors;
        if (outcome.Succeeded)
        {
            Snackbar.Add(string.Format(L["Fences.Imported"], outcome.Added, outcome.Updated), Severity.Success);
            await ReloadAsync();
            StartNew();
        }
    }

    /// <summary>Why a change was refused, in the user's language: the fence is gone, changed meanwhile, or named by alerts.</summary>
    private string Refusal(FenceSaveResult result) => result switch
    {
        { Status: StatusCodes.Status404NotFound } => L["Fences.Gone"],
        { Status: StatusCodes.Status409Conflict } when result.Errors.ContainsKey("expectedUpdatedAt") => L["Fences.ChangedMeanwhile"],
        { Status: StatusCodes.Status409Conflict } => L["Fences.NamedByAlerts"],
        _ => result.Message ?? string.Empty,
    };

    private async Task<string> ActorAsync() => (await Authentication).User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
