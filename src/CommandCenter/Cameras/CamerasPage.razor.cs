using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CommandCenter.Cameras;

/// <summary>The camera registry: on the map, searchable, editable, and importable from the video platform's CSV.</summary>
public partial class CamerasPage : IDisposable
{
    private const long MaxCsvBytes = 2 * 1024 * 1024;

    private List<CameraView> cameras = [];
    private List<CameraView> inService = [];
    private CameraForm form = new();
    private int? editingId;
    private string search = string.Empty;
    private Dictionary<string, string[]> errors = [];
    private Dictionary<string, string[]> importErrors = [];

    [Inject]
    private CameraQueries Queries { get; set; } = default!;

    [Inject]
    private CameraStore Store { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private CameraStates States { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private IEnumerable<CameraView> Shown => cameras.Where(c =>
        search.Length == 0 || c.Code.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase));

    private (double Latitude, double Longitude)? Chosen =>
        form.Latitude is { } lat && form.Longitude is { } lon ? (lat, lon) : null;

    [Inject]
    private CameraSignals Signals { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            Signals.Changed += SignalsChanged;
        }

        await ReloadAsync();
    }

    // The state column is the measured signal, the same the wall's tiles and the camera page show.
    private void SignalsChanged() => _ = InvokeAsync(StateHasChanged);

    public void Dispose() => Signals.Changed -= SignalsChanged;

    private CameraView? Editing => cameras.FirstOrDefault(c => c.Id == editingId);

    private async Task ReloadAsync()
    {
        cameras = await Queries.AllAsync(includeRetired: true, CancellationToken.None);
        inService = [.. cameras.Where(c => c.RetiredAt is null)];
    }

    private void PlaceChosen((double Latitude, double Longitude) place)
    {
        form.Latitude = Math.Round(place.Latitude, 6);
        form.Longitude = Math.Round(place.Longitude, 6);
    }

    private void Edit(int id)
    {
        var camera = cameras.First(c => c.Id == id);
        editingId = id;
        errors = [];
        form = new CameraForm
        {
            Code = camera.Code,
            Name = camera.Name,
            Latitude = camera.Latitude,
            Longitude = camera.Longitude,
            StreamUrl = camera.StreamUrl,
            SnapshotUrl = camera.SnapshotUrl,
            Version = camera.Version,
        };
    }

    private void StartNew()
    {
        editingId = null;
        errors = [];
        form = new CameraForm();
    }

    private async Task SaveAsync()
    {
        var (id, problems) = await Store.SaveAsync(editingId, form.ToInput(), await ActorAsync(), CancellationToken.None);
        errors = problems;
        if (problems.ContainsKey(CameraStore.StaleKey))
        {
            Snackbar.Add(L["Cameras.Stale"], Severity.Warning);
            await ReloadAsync();
            return;
        }

        if (id is null)
        {
            return;
        }

        Snackbar.Add(L["Cameras.Saved"], Severity.Success);
        await ReloadAsync();
        Edit(id.Value);
    }

    private async Task ImportAsync(InputFileChangeEventArgs change)
    {
        var file = change.File;

        if (file.Size > MaxCsvBytes)
        {
            importErrors = new() { ["file"] = [L["Cameras.FileTooLarge"]] };
            return;
        }

        using var reader = new StreamReader(file.OpenReadStream(MaxCsvBytes));
        var (added, updated, problems) = await Store.ImportAsync(await reader.ReadToEndAsync(), await ActorAsync(), CancellationToken.None);
        importErrors = problems;
        if (problems.Count == 0)
        {
            Snackbar.Add(string.Format(L["Cameras.Imported"], added, updated), Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task SetRetiredAsync(bool retired)
    {
        var camera = Editing!;
        var outcome = await Store.SetRetiredAsync(camera.Id, retired, camera.Version, await ActorAsync(), CancellationToken.None);
        await AfterChangeAsync(outcome, retired ? L["Cameras.Retired"] : L["Cameras.Reinstated"]);
        if (outcome.Kind == CameraChangeKind.Done)
        {
            Edit(camera.Id);
        }
    }

    private async Task DeleteAsync()
    {
        var camera = Editing!;
        var outcome = await Store.DeleteAsync(camera.Id, camera.Version, await ActorAsync(), CancellationToken.None);
        await AfterChangeAsync(outcome, L["Cameras.Deleted"]);
        if (outcome.Kind == CameraChangeKind.Done)
        {
            StartNew();
        }
    }

    private async Task AfterChangeAsync(CameraChange outcome, string done)
    {
        switch (outcome.Kind)
        {
            case CameraChangeKind.Done:
                Snackbar.Add(done, Severity.Success);
                break;
            case CameraChangeKind.Referenced:
                Snackbar.Add(string.Format(L["Cameras.Referenced"], string.Join(", ", outcome.References!.Select(r => $"{r.Key} ({r.Value})"))), Severity.Warning);
                break;
            default:
                Snackbar.Add(L["Cameras.Stale"], Severity.Warning);
                break;
        }

        await ReloadAsync();
    }

    private string? RowClass(CameraView camera) =>
        string.Join(' ', new[] { camera.Id == editingId ? "chosen" : null, camera.RetiredAt is not null ? "retired" : null }.OfType<string>()) is { Length: > 0 } classes ? classes : null;

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Error(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<string> ActorAsync() => (await Authentication).User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
