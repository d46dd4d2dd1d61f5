using CommandCenter.TestSupport.Browser;

namespace CommandCenter.EndToEnd.Tests.Browser;

/// <summary>A test class that drives Chromium: one browser per class instance, closed afterwards.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected Chromium Chromium { get; private set; } = default!;

    public async Task InitializeAsync() => Chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await Chromium.DisposeAsync();
}
