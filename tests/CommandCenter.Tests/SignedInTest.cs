using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests;

/// <summary>A test class that talks to the app as one signed-in person, with a fresh session per test.</summary>
public abstract class SignedInTest(string role) : IAsyncLifetime
{
    protected HttpClient Client { get; private set; } = default!;

    /// <summary>The app the class fixture started.</summary>
    protected abstract CommandCenterApp Host { get; }

    public async Task InitializeAsync() => Client = (await Host.SignInAsync(role)).Client;

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
