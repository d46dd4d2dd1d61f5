using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Shared;

/// <summary>
/// A component whose work happens in a browser module: the module is imported on first render, creates
/// its object (a map, a chart), and both are disposed with the component, quietly if the browser is gone.
/// </summary>
public abstract class BrowserModuleComponent : ComponentBase, IAsyncDisposable
{
    private IJSObjectReference? module;

    [Inject]
    protected IJSRuntime JS { get; set; } = default!;

    /// <summary>The object the module created; null until the first render completed.</summary>
    protected IJSObjectReference? Instance { get; private set; }

    /// <summary>The module's path under wwwroot, e.g. ./dist/wall-map.js.</summary>
    protected abstract string ModulePath { get; }

    /// <summary>Asks the module to create its object.</summary>
    protected abstract ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            Instance = await CreateAsync(module);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            if (Instance is not null)
            {
                await Instance.InvokeVoidAsync("dispose");
                await Instance.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; there is nothing left to tear down on its side.
        }

        GC.SuppressFinalize(this);
    }
}
