using Xunit;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>A class fixture: one fresh, migrated PostGIS database per test class, dropped afterwards.</summary>
public sealed class PostgisDatabase : IAsyncLifetime
{
    private PostgisServer? server;

    /// <summary>The database as the owner of its tables: for arranging data, and for tampering as an administrator could.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The database as the app's role, which is what the app connects as.</summary>
    public string AppConnectionString => TestDatabaseRoles.AsApp(ConnectionString);

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
