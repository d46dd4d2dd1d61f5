using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Shared;

/// <summary>
/// A component whose work happens in a browser module: the module is imported on first render, creates
/// its object (a map, a chart), and both are disposed with the component, quietly if the browser is gone.
/// A component disposed while its object is still being created disposes the object once it arrives.
/// </summary>
public abstract class BrowserModuleComponent : ComponentBase, IAsyncDisposable
{
    private IJSObjectReference? module;
    private Task? starting;

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
            starting = StartAsync();
            await starting;
        }
    }

    private async Task StartAsync()
    {
        module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        Instance = await CreateAsync(module);
    }

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            await StartedAsync();
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
        catch (Exception exception) when (exception is JSDisconnectedException or OperationCanceledException)
        {
            // The browser is gone, or the circuit is closing and cancels its calls: nothing left to tear down there.
        }

        GC.SuppressFinalize(this);
    }

    // A component disposed while its object is still being created waits for it, so that what the browser
    // creates is disposed rather than left in the page (a map, its hub connection).
    private async Task StartedAsync()
    {
        try
        {
            await (starting ?? Task.CompletedTask);
        }
        catch (JSException)
        {
            // Creation failed in the browser, which took down what it had begun; the render reported it.
        }
        catch (OperationCanceledException)
        {
            // The circuit went away while the browser was still creating the object: nothing is left to wait for.
        }
    }
}
