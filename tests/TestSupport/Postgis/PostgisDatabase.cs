using Xunit;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>A class fixture: one fresh, migrated PostGIS database per test class, dropped afterwards.</summary>
public sealed class PostgisDatabase : IAsyncLifetime
{
    private PostgisServer? server;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        server = await PostgisServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync(GetType().Name);
    }

    public async Task DisposeAsync()
    {
        if (server is not null && ConnectionString.Length > 0)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
    }
}
