using CommandCenter.DemoCounty;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.DemoCounty;

public class DemoSeederTests(DemoCountyApp app) : IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheCountyHasAbout550PeopleEachWithADeviceAndAHomeInsideTheCounty()
    {
        Assert.Equal(550, await county.CountAsync("SELECT count(*) FROM subjects WHERE status = 'InCorrection'"));
        Assert.Equal(550, await county.CountAsync("SELECT count(DISTINCT subject_id) FROM devices"));
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM subjects s, admin_areas a
            WHERE a.role = 'County' AND NOT ST_Covers(a.boundary, s.home)
            """));
    }

    [Fact]
    public async Task TheDemosLeavePermitsAreDecidedBySomeoneElseWithTheAuthorityForTheirLengthAndNoneIsInForce()
    {
        Assert.True(await county.CountAsync("SELECT count(*) FROM leave_permits WHERE approved_at IS NOT NULL") >= 4);
        Assert.True(await county.CountAsync("SELECT count(*) FROM leave_permits WHERE approved_at IS NULL AND refused_at IS NULL") >= 1);
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM leave_permits
            WHERE requested_by IS NULL OR requested_by = approved_by OR requested_by = refused_by OR requested_at >= starts_at
            """));
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM leave_permits p JOIN subjects s ON s.id = p.subject_id JOIN squads q ON q.id = s.squad_id
            WHERE p.approved_by <> CASE WHEN p.ends_at - p.starts_at > interval '7 days' THEN '大队长（演示）' ELSE q.name || '中队长（演示）' END
            """));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE approved_at IS NOT NULL AND starts_at <= now() AND ends_at > now()"));
    }

    [Fact]
    public async Task FiveSquadsCoverTheCountyWithoutOverlapping()
    {
        Assert.Equal(5, await county.CountAsync("SELECT count(*) FROM squads"));
        var uncovered = await county.ScalarAsync<double>("""
            SELECT ST_Area(ST_Difference(a.boundary, (SELECT ST_Union(jurisdiction) FROM squads))::geography)
            FROM admin_areas a WHERE a.role = 'County'
            """);
        var overlap = await county.ScalarAsync<double>("""
            SELECT COALESCE(SUM(ST_Area(ST_Intersection(x.jurisdiction, y.jurisdiction)::geography)), 0)
            FROM squads x JOIN squads y ON x.id < y.id
            """);
        Assert.True(uncovered < 1_000, $"{uncovered:0} m² of the county belong to no squad");
        Assert.True(overlap < 1_000, $"{overlap:0} m² belong to two squads");
    }

    [Fact]
    public async Task EveryPersonBelongsToTheSquadWhoseJurisdictionHoldsTheirHome()
    {
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM subjects s JOIN squads q ON q.id = s.squad_id WHERE NOT ST_Covers(q.jurisdiction, s.home)
            """));
    }

    [Fact]
    public async Task TheCountyIsTheInclusionFenceAndThereAreAtLeastTenExclusionZones()
    {
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM geofences WHERE kind = 'Inclusion' AND scope = 'AllSubjects'"));
        Assert.True(await county.CountAsync("SELECT count(*) FROM geofences WHERE kind = 'Exclusion'") >= 10);
    }

    [Fact]
    public async Task ThereAreAbout90CamerasInsideTheCounty()
    {
        Assert.Equal(90, await county.CountAsync("SELECT count(*) FROM cameras"));
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM cameras c, admin_areas a WHERE a.role = 'County' AND NOT ST_Covers(a.boundary, c.location)
            """));
    }

    [Fact]
    public async Task MostPositioningOrdersAreInForceAndNoneExceedsThreeMonths()
    {
        var inForce = await county.CountAsync("""
            SELECT count(*) FROM positioning_orders
            WHERE status = 'Approved' AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN start_date AND end_date
            """);
        Assert.InRange(inForce, 480, 549);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM positioning_orders WHERE end_date >= start_date + interval '3 months'"));
    }

    [Fact]
    public async Task SeedingAgainChangesNothing()
    {
        var seeder = app.Services.GetRequiredService<DemoSeeder>();

        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(550, await county.CountAsync("SELECT count(*) FROM subjects WHERE status = 'InCorrection'"));
        Assert.Equal(5, await county.CountAsync("SELECT count(*) FROM squads"));
    }

    [Fact]
    public async Task TheBoundariesAreStoredInWgs84ShiftedFromTheirGcj02Source()
    {
        // The source's 平邑县 outline reaches 117.419°E at its westmost; in WGS-84 that edge lies a few hundred metres west.
        var westmost = await county.ScalarAsync<double>("SELECT ST_XMin(boundary) FROM admin_areas WHERE code = '371326'");

        Assert.InRange(westmost, 117.40, 117.418);
    }

    [Fact]
    public async Task TheHistoryClosesAlertsWithTheCountysReportedDispositions()
    {
        Assert.Equal(203, await county.CountAsync("SELECT count(*) FROM alerts WHERE disposition = 'Admonition'"));
        Assert.Equal(115, await county.CountAsync("SELECT count(*) FROM alerts WHERE disposition = 'Warning'"));
        Assert.Equal(9, await county.CountAsync("SELECT count(*) FROM alerts WHERE disposition = 'RevocationProposal'"));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alerts WHERE disposition IS NOT NULL AND closed_at > now()"));
        Assert.InRange(await county.CountAsync("SELECT count(*) FROM alerts WHERE raised_at < now() - interval '700 days'"), 50, 400);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alerts WHERE raised_at < now() - interval '735 days'"));
    }

    [Fact]
    public async Task TheHistorysRecordsSumNearTheCountysReportedTotals()
    {
        Task<long> Sum(string kind) => county.CountAsync("SELECT COALESCE(sum(participants), 0) FROM activity_records WHERE kind = @kind", ("kind", kind));
        Task<long> Records(string kind) => county.CountAsync("SELECT count(*) FROM activity_records WHERE kind = @kind", ("kind", kind));
        Task<long> Partners(string kind) => county.CountAsync("SELECT count(*) FROM partner_organisations WHERE kind = @kind", ("kind", kind));

        Assert.InRange(await Sum("VolunteerActivity"), 1_000, 1_200);
        Assert.InRange(await Records("VolunteerActivity"), 600, 700);
        Assert.InRange(await Sum("SkillsTraining") + await Sum("PsychologicalCounselling"), 800, 950);
        Assert.InRange(await Sum("JobPlacement"), 260, 320);
        Assert.InRange(await Records("CultureClass"), 200, 250);
        Assert.Equal(13, await Records("HardshipGrant"));
        Assert.Equal(42, await Partners("TrainingBase"));
        Assert.Equal(25, await Partners("PartnerEnterprise"));
        Assert.Equal(12, await Partners("PublicWelfareOrganisation"));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM supervision_loss_events"));
    }

    [Fact]
    public async Task ReleasedPeopleLeaveTheirTermBehindWithoutADevice()
    {
        Assert.InRange(await county.CountAsync("SELECT count(*) FROM subjects WHERE status = 'Released'"), 300, 600);
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM subjects s
            WHERE s.status = 'Released' AND (s.release_date IS NULL OR s.intake_date > s.release_date
                                             OR EXISTS (SELECT 1 FROM devices d WHERE d.subject_id = s.id))
            """));
    }
}
