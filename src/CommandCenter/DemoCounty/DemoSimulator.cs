using System.Net.Http.Json;
using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Ingest;
using CommandCenter.Map;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Moves the seeded people through their days (home at night, at work by day) and posts their fixes
/// through the real ingest API, as their devices would, with the battery they would report. At set rates
/// somebody leaves the county, walks into a banned zone, stays out after curfew, or loses the signal.
/// With <c>--subjects 50000</c> and the default 5-second interval it posts 10,000 fixes a second.
/// </summary>
public class DemoSimulator(
    IDbContextFactory<CommandCenterDb> factory,
    IHttpClientFactory httpClients,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> demoOptions,
    IOptions<IngestOptions> ingestOptions,
    DemoDeviceKeys keys,
    SiteClock clock,
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
        var (people, planner) = await LoadAsync(random, stoppingToken);
        if (people.Count == 0)
        {
            logger.LogWarning("The demo simulator found nobody to move; is the demo seeded?");
            return;
        }

        using var client = httpClients.CreateClient(nameof(DemoSimulator));
        client.BaseAddress = OwnAddress();
        logger.LogInformation("The demo simulator moves {Count} people every {Interval}, posting to {Address}.", people.Count, settings.SimulatorInterval, client.BaseAddress);

        var tickHours = settings.SimulatorInterval.TotalHours;
        using var timer = new PeriodicTimer(settings.SimulatorInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
            var localTime = TimeOnly.FromDateTime(clock.ToLocal(now).DateTime);
            for (var i = Occurrences(settings.ZoneViolationsPerHour * tickHours, random) + (random.NextDouble() < settings.ViolationChancePerTick ? 1 : 0); i > 0; i--)
            {
                planner.Start(people, random);
            }

            for (var i = Movement.IsCurfew(localTime) ? Occurrences(settings.CurfewBreachesPerHour * tickHours, random) : 0; i > 0; i--)
            {
                planner.BreakCurfew(people, random);
            }

            for (var i = Occurrences(settings.SignalLossesPerHour * tickHours, random); i > 0; i--)
            {
                ViolationPlanner.LoseSignal(people, now, random);
            }

            try
            {
                await ReportAsync(client, people, random, now, localTime, stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The demo simulator could not post its fixes; it tries again next tick.");
            }
        }
    }

    /// <summary>How many times something expected <paramref name="expected"/> times happens in one tick.</summary>
    private static int Occurrences(double expected, Random random) => (int)expected + (random.NextDouble() < expected % 1 ? 1 : 0);

    private async Task ReportAsync(HttpClient client, List<SimulatedPerson> people, Random random, DateTimeOffset now, TimeOnly localTime, CancellationToken cancellationToken)
    {
        var settings = demoOptions.Value;
        var tickHours = settings.SimulatorInterval.TotalHours;
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
                person.Current = Movement.Step(person.Current, Movement.Anchor(person, localTime), random);
            }

            // Phones and tags go on the charger at home overnight and run down by day, some faster than others.
            person.Charging = localTime.Hour is >= 21 or < 7 && !person.IsOnExcursion;
            person.Battery = Math.Clamp(person.Battery + (person.Charging ? 15 : -settings.BatteryDrainPercentPerHour * (0.5 + (person.SubjectId % 5) * 0.5)) * tickHours, 1, 100);
            if (now < person.SilentUntil)
            {
                continue;
            }

            items.Add(new PositionItem
            {
                Device = person.Serial,
                Key = person.Key,
                Time = now,
                Latitude = Math.Round(person.Current.Y, 6),
                Longitude = Math.Round(person.Current.X, 6),
                Accuracy = Math.Round(5 + random.NextDouble() * 20, 1),
                Battery = (int)Math.Round(person.Battery),
                Charging = person.Charging,
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

    private async Task<(List<SimulatedPerson> People, ViolationPlanner Planner)> LoadAsync(Random random, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Devices.AsNoTracking()
            .Where(d => d.Active && d.Subject!.Status == Subjects.SubjectStatus.InCorrection && d.Subject.Home != null)
            .Select(d => new
            {
                d.SubjectId,
                d.Serial,
                d.Subject!.Home,
                d.Subject.RiskLevel,
                Latest = db.LatestPositions.Where(p => p.SubjectId == d.SubjectId).Select(p => p.Location).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var county = await db.AdminAreas.AsNoTracking().Where(a => a.Role == AdminAreaRole.County).Select(a => a.Boundary).FirstAsync(cancellationToken);
        var exclusions = await db.Geofences.AsNoTracking().Where(f => f.Active && f.Kind == FenceKind.Exclusion).ToListAsync(cancellationToken);
        var curfewed = (await db.Geofences.AsNoTracking().Where(f => f.Active && f.Kind == FenceKind.Home).Select(f => f.ScopeSubjectIds).ToListAsync(cancellationToken))
            .SelectMany(ids => ids).ToHashSet();
        var planner = new ViolationPlanner(county, exclusions, rows.ToDictionary(r => r.SubjectId, r => r.RiskLevel.ToString()));

        var people = rows.Select(r =>
        {
            // A workplace a couple of kilometres from home, inside the county.
            var home = r.Home!;
            var work = RandomPoint.Near(home.Coordinate, 1_500, random);
            return new SimulatedPerson(r.SubjectId, r.Serial, keys.KeyFor(r.Serial), home.Coordinate, planner.IsInCounty(work) ? work : home.Coordinate, (r.Latest ?? home).Coordinate)
            {
                UnderCurfew = curfewed.Contains(r.SubjectId),
                Battery = 30 + random.Next(71),
            };
        }).ToList();
        return (people, planner);
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
