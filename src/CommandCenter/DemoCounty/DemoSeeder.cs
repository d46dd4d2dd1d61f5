using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Geo.Datums;
using CommandCenter.Map;
using CommandCenter.Site.Settings;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Seeds the synthetic demo county into an empty database: base map, county fence, squads, about 550
/// people with devices and positioning orders, exclusion zones, cameras, a few leave permits, and 24 months of KPI history. Seeding is idempotent: a
/// database that already has squads is left alone, and everything is written in one transaction.
/// </summary>
public class DemoSeeder(
    IDbContextFactory<CommandCenterDb> factory,
    IWebHostEnvironment environment,
    IOptions<DemoOptions> options,
    DemoDeviceKeys keys,
    TimeProvider time,
    SiteClock clock,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Squads.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The database already holds a county; the demo seed is skipped.");
            return;
        }

        var now = time.GetUtcNow();
        var today = clock.Today(now);
        var random = new Random(settings.RandomSeed);
        var geometry = Wgs84.Factory;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var areas = ReadCountyMap(settings.CountyCode);
        db.AdminAreas.AddRange(areas);
        var county = areas.Single(a => a.Role == AdminAreaRole.County).Boundary;

        var towns = Towns.Place(county, random);
        var squads = SquadPlanner.Plan(county, towns, geometry);
        db.Squads.AddRange(squads);
        await db.SaveChangesAsync(cancellationToken);

        var subjects = new PeopleFactory(random, geometry, keys).Make(settings.SubjectCount, county, towns, squads, today);
        db.Subjects.AddRange(subjects);
        await db.SaveChangesAsync(cancellationToken);

        var reports = subjects.Select(s => PeopleFactory.LastReportAtHome(s, now)).ToList();
        db.Positions.AddRange(reports.Select(r => r.Fix));
        db.LatestPositions.AddRange(reports.Select(r => r.Latest));
        db.Geofences.AddRange(new FencePlanner(random, geometry).Plan(county, towns, subjects, now, settings.Curfews));
        db.Cameras.AddRange(new CameraPlanner(random, geometry).Plan(settings.CameraCount, county, towns));
        db.LeavePermits.AddRange(new LeavePlanner(new Random(settings.RandomSeed + 2)).Make(subjects, squads, today));

        // The demo county runs on the shipped defaults, reviewed as a set-up site's commander would have done.
        db.SiteSettings.Add(new StoredSettings { Version = 1, UpdatedAt = now, UpdatedBy = "commander" });
        await db.SaveChangesAsync(cancellationToken);
        await new KpiHistory(new Random(settings.RandomSeed + 1), clock).AddAsync(db, squads, subjects, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Seeded the demo county {County}: {Squads} squads, {Subjects} subjects, {Towns} towns.",
            areas.Single(a => a.Role == AdminAreaRole.County).Name, squads.Count, subjects.Count, towns.Count);
    }

    /// <summary>The boundaries are traced in GCJ-02, like the Chinese web maps they come from; storage is WGS-84.</summary>
    private List<AdminArea> ReadCountyMap(string countyCode)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(CountyMapSource.RelativePath);
        if (!file.Exists)
        {
            throw new FileNotFoundException(
                $"The county boundaries ({CountyMapSource.RelativePath}) are missing from the web root; the front-end build copies them there.");
        }

        using var stream = file.CreateReadStream();
        return CountyMapSource.Read(stream, countyCode, Wgs84.Factory, Gcj02.ToWgs84);
    }
}
