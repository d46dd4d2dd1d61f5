using CommandCenter.Kit.Forms;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Kpi.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommandCenter.Kpi.Pages;

/// <summary>
/// Lists one kind of record and edits one at a time. Saving goes through <see cref="KpiRecordStore"/>, the
/// same checks as the JSON API, and the form shows what it refused next to each field.
/// </summary>
public partial class RecordEditor<T>
    where T : class, IKpiRecord, new()
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
    private List<T> items = [];
    private List<SquadChoice> squads = [];
    private RecordForm<T>? editing;
    private MudForm? form;
    private bool refused;

    [Inject]
    private KpiRecordStore Store { get; set; } = default!;

    [Inject]
    private IDbContextFactory<CommandCenterDb> Factory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The table's column headers (MudTh cells).</summary>
    [Parameter, EditorRequired]
    public RenderFragment Header { get; set; } = default!;

    /// <summary>A record's cells (MudTd), matching <see cref="Header"/>.</summary>
    [Parameter, EditorRequired]
    public RenderFragment<RecordForm<T>> Row { get; set; } = default!;

    /// <summary>The form's fields for the record being edited.</summary>
    [Parameter, EditorRequired]
    public RenderFragment<RecordForm<T>> Fields { get; set; } = default!;

    /// <summary>A new record with sensible defaults (e.g. dated today).</summary>
    [Parameter, EditorRequired]
    public Func<T> Create { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            squads = await db.Squads.OrderBy(s => s.Code).Select(s => new SquadChoice(s.Id, s.Name)).ToListAsync();
        }

        await ReloadAsync();
        StartNew();
    }

    private async Task ReloadAsync() => items = await Store.ListAsync<T>(null, null, CancellationToken.None);

    private void StartNew() => Open(Create(), NoErrors);

    private void Edit(T item) => Open(Copy(item), NoErrors);

    private void Open(T model, IReadOnlyDictionary<string, string[]> errors)
    {
        refused = errors.Count > 0;
        editing = new RecordForm<T>(model, squads, errors);
    }

    private async Task SaveAsync()
    {
        if (editing is null || form is null)
        {
            return;
        }

        await form.ValidateAsync();
        var result = await Store.SaveAsync(editing.Model, await ActorAsync(), CancellationToken.None);
        if (!result.Saved)
        {
            Open(editing.Model, result.Errors);
            return;
        }

        Snackbar.Add(L["Records.Saved"], Severity.Success);
        await ReloadAsync();
        StartNew();
    }

    private async Task DeleteAsync(T item)
    {
        await Store.DeleteAsync<T>(item.Id, await ActorAsync(), CancellationToken.None);
        await ReloadAsync();
        if (editing?.Model.Id == item.Id)
        {
            StartNew();
        }
    }

    /// <summary>The form edits a copy, so a cancelled edit leaves the list as it was.</summary>
    private static T Copy(T item) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(item))!;

    private async Task<string> ActorAsync() => (await Authentication).User.Identity?.Name ?? "unknown";
}
