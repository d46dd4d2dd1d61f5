using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace CommandCenter.TestSupport.Postgis;

/// <summary>A PostGIS container, where a Docker engine answers; otherwise nothing, quickly.</summary>
public static class DockerPostgis
{
    private const string Image = "postgis/postgis:15-3.4";

    /// <summary>Starts the container and returns its connection string, or null when no engine is reachable.</summary>
    public static async Task<string?> TryStartAsync()
    {
        if (!EngineLikelyPresent())
        {
            return null;
        }

        try
        {
            if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
            {
                return null;
            }

            var container = new PostgreSqlBuilder(Image).WithUsername("postgres").WithPassword("postgres").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A client without a working engine or registry (as on machines with no Docker daemon): fall back.
            Console.Error.WriteLine($"Testcontainers could not start PostGIS ({exception.GetType().Name}: {exception.Message}); using a local cluster.");
            return null;
        }
    }

    /// <summary>A cheap check before Testcontainers probes: a Docker host is configured or its socket exists.</summary>
    private static bool EngineLikelyPresent() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
