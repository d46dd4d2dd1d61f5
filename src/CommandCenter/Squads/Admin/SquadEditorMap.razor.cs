using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Squads.Admin;

/// <summary>
/// The squads' map: every squad's area and base (a click chooses one), the chosen squad's area under the
/// shared drawing tools, its base placed by a click, and the county's uncovered part hatched.
/// </summary>
public partial class SquadEditorMap
{
    private ElementReference element;
    private DotNetObjectReference<SquadEditorMap>? self;
    private IReadOnlyList<SquadDetail>? shown;
    private int? shownEditing;
    private int? openedDraft;
    private string? shownGap;
    private int pickedBase;

    [Parameter]
    public IReadOnlyList<SquadDetail> Squads { get; set; } = [];

    /// <summary>The squad being edited, drawn as the draft rather than among the others.</summary>
    [Parameter]
    public int? EditingId { get; set; }

    /// <summary>The area the draft starts from (GeoJSON), read whenever <see cref="DraftVersion"/> changes.</summary>
    [Parameter]
    public string? DraftArea { get; set; }

    [Parameter]
    public double? DraftBaseLatitude { get; set; }

    [Parameter]
    public double? DraftBaseLongitude { get; set; }

    /// <summary>Changes whenever another squad, or a new one, is opened for editing.</summary>
    [Parameter]
    public int DraftVersion { get; set; }

    /// <summary>The county's part no squad covers (GeoJSON), or null.</summary>
    [Parameter]
    public string? Gap { get; set; }

    /// <summary>Changes whenever the next click on the map should place the base.</summary>
    [Parameter]
    public int PickBase { get; set; }

    [Parameter]
    public EventCallback<string?> OnAreaChanged { get; set; }

    [Parameter]
    public EventCallback<(double Latitude, double Longitude)> OnBaseChanged { get; set; }

    [Parameter]
    public EventCallback<int> OnSquadClicked { get; set; }

    protected override string ModulePath => "./dist/squad-editor.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createSquadEditor", element, self);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null)
        {
            return;
        }

        if (!ReferenceEquals(shown, Squads) || shownEditing != EditingId)
        {
            shown = Squads;
            shownEditing = EditingId;
            await Instance.InvokeVoidAsync("show",
                Squads.Where(s => !s.Retired).Select(s => new { s.Id, s.Name, s.Area, s.BaseLatitude, s.BaseLongitude }), EditingId);
        }

        if (openedDraft != DraftVersion)
        {
            openedDraft = DraftVersion;
            await Instance.InvokeVoidAsync("edit", DraftArea, DraftBaseLatitude, DraftBaseLongitude);
        }

        if (firstRender || shownGap != Gap)
        {
            shownGap = Gap;
            await Instance.InvokeVoidAsync("showGap", Gap);
        }

        if (pickedBase != PickBase)
        {
            pickedBase = PickBase;
            await Instance.InvokeVoidAsync("pickBase");
        }
    }

    [JSInvokable]
    public Task AreaChanged(string? area) => OnAreaChanged.InvokeAsync(area);

    [JSInvokable]
    public Task BaseChanged(double latitude, double longitude) => OnBaseChanged.InvokeAsync((latitude, longitude));

    [JSInvokable]
    public Task SquadClicked(int id) => OnSquadClicked.InvokeAsync(id);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
