using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.DemoView;

/// <summary>The visitors' map; the browser module draws the masked cells the demo hub sends.</summary>
public partial class DemoMap
{
    private ElementReference element;

    protected override string ModulePath => "./dist/demo-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module) =>
        module.InvokeAsync<IJSObjectReference>("createDemoMap", element);
}
