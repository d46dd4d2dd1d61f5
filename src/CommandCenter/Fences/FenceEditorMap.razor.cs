using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Fences;

/// <summary>
/// The editor's map: every fence (a click chooses one) and the fence being edited under Geoman's drawing
/// tools, which report the area they leave after every change.
/// </summary>
public partial class FenceEditorMap
{
    private ElementReference element;
    private DotNetObjectReference<FenceEditorMap>? self;
    private IReadOnlyList<FenceView>? shown;
    private int? shownEditing;
    private int? openedDraft;

    [Parameter]
    public IReadOnlyList<FenceView> Fences { get; set; } = [];

    /// <summary>The fence being edited, drawn as the draft rather than among the others.</summary>
    [Parameter]
    public int? EditingId { get; set; }

    /// <summary>The area the draft starts from (GeoJSON), read whenever <see cref="DraftVersion"/> changes.</summary>
    [Parameter]
    public string? DraftArea { get; set; }

    /// <summary>Changes whenever another fence, or a new one, is opened for editing.</summary>
    [Parameter]
    public int DraftVersion { get; set; }

    [Parameter]
    public EventCallback<string?> OnAreaChanged { get; set; }

    [Parameter]
    public EventCallback<int> OnFenceClicked { get; set; }

    protected override string ModulePath => "./dist/fence-editor.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createFenceEditor", element, self);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null)
        {
            return;
        }

        if (!ReferenceEquals(shown, Fences) || shownEditing != EditingId)
        {
            shown = Fences;
            shownEditing = EditingId;
            // The kind goes by name, as the API sends it: JS interop would send the enum's number, and the
            // map's one fence style knows the names.
            await Instance.InvokeVoidAsync("show", Fences.Select(f => new { f.Id, f.Name, Kind = f.Kind.ToString(), f.Area, f.Active }), EditingId);
        }

        if (openedDraft != DraftVersion)
        {
            openedDraft = DraftVersion;
            await Instance.InvokeVoidAsync("edit", DraftArea);
        }
    }

    [JSInvokable]
    public Task AreaChanged(string? area) => OnAreaChanged.InvokeAsync(area);

    [JSInvokable]
    public Task FenceClicked(int id) => OnFenceClicked.InvokeAsync(id);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
