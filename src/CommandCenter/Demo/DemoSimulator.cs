using System.Net.Http.Json;
using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Ingest;
using CommandCenter.Map;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Demo;

/// <summary>
/// Moves the seeded people around their homes and posts their fixes through the real ingest API, as
/// their devices would; now and then somebody leaves the county or enters a banned zone.
/// </summary>
public class DemoSimulator(
    IDbContextFactory<CommandCenterDb> factory,
    IHttpClientFactory httpClients,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> demoOptions,
    IOptions<IngestOptions> ingestOptions,
    DemoDeviceKeys keys,
    TimeProvider time,
    ILogger<DemoSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var settings = demoOptions.Value;
        var random = new Random(settings.RandomSeed + 1);
        var (people, planner) = await LoadAsync(stoppingToken);
        if (people.Count == 0)
        {
            logger.LogWarning("The demo simulator found nobody to move; is the demo seeded?");
            return;
        }

        using var client = httpClients.CreateClient(nameof(DemoSimulator));
        client.BaseAddress = OwnAddress();
        logger.LogInformation("The demo simulator moves {Count} people every {Interval}, posting to {Address}.", people.Count, settings.SimulatorInterval, client.BaseAddress);

        using var timer = new PeriodicTimer(settings.SimulatorInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (random.NextDouble() < settings.ViolationChancePerTick)
            {
                planner.Start(people, random);
            }

            try
            {
                await ReportAsync(client, people, random, stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The demo simulator could not post its fixes; it tries again next tick.");
            }
        }
    }

    private async Task ReportAsync(HttpClient client, List<SimulatedPerson> people, Random random, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = new List<PositionItem>(people.Count);
        foreach (var person in people)
        {
            if (person.IsOnExcursion)
            {
                person.Current = person.Excursion!;
                person.ExcursionReportsLeft--;
            }
            else
            {
                person.Current = Movement.Step(person.Current, person.Home, random);
            }

            items.Add(new PositionItem
            {
                Device = person.Serial,
                Key = person.Key,
                Time = now,
                Latitude = Math.Round(person.Current.Y, 6),
                Longitude = Math.Round(person.Current.X, 6),
                Accuracy = Math.Round(5 + random.NextDouble() * 20, 1),
                Battery = 20 + random.Next(80),
            });
        }

        foreach (var chunk in items.Chunk(ingestOptions.Value.MaxBatchItems))
        {
            using var response = await client.PostAsJsonAsync("/api/v1/positions", new PositionBatch { Positions = [.. chunk] }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The ingest API answered {Status}: {Body}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }
    }

    private async Task<(List<SimulatedPerson> People, ViolationPlanner Planner)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Devices.AsNoTracking()
            .Where(d => d.Active && d.Subject!.Status == Subjects.SubjectStatus.InCorrection)
            .Select(d => new
            {
                d.SubjectId,
                d.Serial,
                d.Subject!.Home,
                d.Subject.RiskLevel,
                Latest = db.LatestPositions.Where(p => p.SubjectId == d.SubjectId).Select(p => p.Location).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var people = rows
            .Select(r => new SimulatedPerson(r.SubjectId, r.Serial, keys.KeyFor(r.Serial), r.Home.Coordinate, (r.Latest ?? r.Home).Coordinate))
            .ToList();

        var county = await db.AdminAreas.AsNoTracking().Where(a => a.Role == AdminAreaRole.County).Select(a => a.Boundary).FirstAsync(cancellationToken);
        var exclusions = await db.Geofences.AsNoTracking().Where(f => f.Active && f.Kind == GeofenceKind.Exclusion).ToListAsync(cancellationToken);
        var risk = rows.ToDictionary(r => r.SubjectId, r => r.RiskLevel.ToString());
        return (people, new ViolationPlanner(county, exclusions, risk));
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The app's own listening address, with a wildcard host replaced by loopback.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reports no listening address for the simulator to post to.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost"));
        if (uri.Host is "0.0.0.0" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
