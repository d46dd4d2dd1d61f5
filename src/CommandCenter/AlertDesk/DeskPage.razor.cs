using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.AlertDesk;

/// <summary>
/// The duty officer's desk: the queue on the left, the chosen alert on the right. The keyboard drives both
/// (arrows through the queue, a letter per action), so a practised officer never reaches for the mouse.
/// </summary>
public partial class DeskPage
{
    private long? selected;
    private DeskQueue? queue;
    private AlertCase? alertCase;
    private IJSObjectReference? keys;
    private DotNetObjectReference<DeskPage>? self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>An alert to open at once (a link from elsewhere: /desk?alert=123).</summary>
    [SupplyParameterFromQuery(Name = "alert")]
    public long? Alert { get; set; }

    protected override void OnInitialized() => selected = Alert;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            self = DotNetObjectReference.Create(this);
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./dist/desk-keys.js");
            keys = await module.InvokeAsync<IJSObjectReference>("listenForShortcuts", self);
            await module.DisposeAsync();
        }
    }

    private Task SelectAsync(long id)
    {
        selected = id;
        Navigation.NavigateTo($"/desk?alert={id}", new NavigationOptions { ReplaceHistoryEntry = true });
        return Task.CompletedTask;
    }

    private void BackToQueue()
    {
        selected = null;
        Navigation.NavigateTo("/desk", new NavigationOptions { ReplaceHistoryEntry = true });
    }

    /// <summary>A key the officer pressed outside any text field (see desk-keys.js for the keys).</summary>
    [JSInvokable]
    public async Task Shortcut(string name)
    {
        switch (name)
        {
            case "next" or "previous":
                if (queue?.Neighbour(selected, name == "next" ? 1 : -1) is { } neighbour)
                {
                    await SelectAsync(neighbour);
                    StateHasChanged();
                }

                break;
            default:
                if (alertCase is not null)
                {
                    await alertCase.ShortcutAsync(name);
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (keys is not null)
            {
                await keys.InvokeVoidAsync("dispose");
                await keys.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and its key listener with it.
        }

        self?.Dispose();
    }
}
