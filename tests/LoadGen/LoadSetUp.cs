using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommandCenter.Benchmarks.Support;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.LoadGen;

/// <summary>What every load benchmark sets up the same way: the app's settings, the county, the HTTP client and the wall.</summary>
internal static class LoadSetUp
{
    /// <summary>Subjects kept for the latency probes (each is probed once): enough for a minute at 20 a second.</summary>
    public const int MaxProbes = 3_000;

    /// <summary>How many of the county's subjects are probes (the first ones); the rest carry the load.</summary>
    public static int Probes(LoadOptions options) => Math.Min(MaxProbes, options.Subjects / 10);

    /// <summary>The app as every load benchmark runs it: a tiny demo seed to build on, no rate limit for the load generator.</summary>
    public static Dictionary<string, string?> AppSettings() => new()
    {
        ["Demo:Seed"] = "true",
        ["Demo:SubjectCount"] = "10",
        ["Demo:CameraCount"] = "0",
        ["Demo:Curfews"] = "false",
        ["Demo:DeviceKeySecret"] = "load-generator",
        ["Security:IngestRequestsPerSecond"] = "1000000",
        ["Logging:LogLevel:CommandCenter.Ingest"] = "Warning",
    };

    /// <summary>
    /// Starts the app once so that it migrates the database and seeds the demo county, then fills the county up to the
    /// load's size; the app is stopped before the rows are added, so each benchmark's app reads them all at start.
    /// </summary>
    public static async Task<List<LoadSubject>> SeedAsync(string database, Dictionary<string, string?> settings, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        await (await AppProcess.StartAsync(database, settings, dll: options.AppDll)).DisposeAsync();
        var subjects = await BulkCounty.SeedAsync(database, options.Subjects, options.Fences, Probes(options));
        Figures.Note($"seeded in {clock.Elapsed.TotalSeconds:0} s");
        return subjects;
    }

    /// <summary>A client with connections enough for the open-model load, which sends without waiting for answers.</summary>
    public static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A signed-in wall's hub connection (not started) that hears alerts; the messages it does not weigh are taken and dropped.</summary>
    public static HubConnection Wall(Uri node, SignedInSession session)
    {
        var wall = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/wall"), o => o.Cookies = session.Cookies)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        foreach (var ignored in new[] { "positionsFrame", "alertChanged", "transitionPending", "deviceUnknown" })
        {
            wall.On<JsonElement>(ignored, _ => { });
        }

        return wall;
    }
}
