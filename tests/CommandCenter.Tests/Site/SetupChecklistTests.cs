using CommandCenter.Components.Shared;
using CommandCenter.Data;
using CommandCenter.Geo;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Site.County;
using CommandCenter.Site.Settings;
using CommandCenter.Site.Setup;
using CommandCenter.Squads;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Site;

/// <summary>The first-run checklist's rules, each read from the database of an empty site as it is filled.</summary>
public class SetupChecklistTests(CommandCenterApp app) : IClassFixture<CommandCenterApp>
{
    /// <summary>One story, because each step changes the one site.</summary>
    [Fact]
    public async Task EachStepIsTickedOnlyWhenItsRuleHoldsAndTheSiteIsReadyWhenAllAre()
    {
        var checklist = app.Services.GetRequiredService<SetupChecklist>();
        var empty = await app.Services.GetRequiredService<ISiteReadiness>().ReadAsync(CancellationToken.None);
        Assert.False(empty.CountyChosen);
        Assert.Equal((0, 6), (empty.StepsDone, empty.Steps));
        Assert.Equal(Enum.GetValues<SetupStepKind>().Select(k => (k.ToString(), SetupChecklist.Pages[k])), empty.Checklist.Select(s => (s.Name, s.Href)));

        await app.Services.GetRequiredService<CountyStore>().ChooseShippedAsync("371326", null, "test", CancellationToken.None);
        Assert.Equal([SetupStepKind.County], await DoneAsync(checklist));

        // Half the county is no cover; the other half added, it is.
        var county = await CountyAsync();
        var (west, east) = Halves(county);
        await AddSquadAsync("1", west);
        Assert.DoesNotContain(SetupStepKind.Squads, await DoneAsync(checklist));
        await AddSquadAsync("2", east);
        Assert.Contains(SetupStepKind.Squads, await DoneAsync(checklist));

        // A duty officer alone is not enough; a squad leader too is.
        await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        Assert.DoesNotContain(SetupStepKind.Users, await DoneAsync(checklist));
        await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, await SquadIdAsync());
        Assert.Contains(SetupStepKind.Users, await DoneAsync(checklist));

        // An audit entry alone is no save; the first save, even one that keeps every default, is.
        Assert.DoesNotContain(SetupStepKind.Settings, await DoneAsync(checklist));
        await app.Services.GetRequiredService<AuditTrail>().AppendAsync(new AuditRecord("test", AuditActions.SettingsChanged, "settings", "saved"));
        Assert.DoesNotContain(SetupStepKind.Settings, await DoneAsync(checklist));
        var saved = await app.Services.GetRequiredService<SettingsStore>().SaveAsync(new SettingsChange { Version = 0, Values = [] }, "test", null, CancellationToken.None);
        Assert.NotNull(saved.View);
        Assert.Contains(SetupStepKind.Settings, await DoneAsync(checklist));

        Assert.False((await checklist.ReadAsync(CancellationToken.None)).Complete);
    }

    private static async Task<List<SetupStepKind>> DoneAsync(SetupChecklist checklist) =>
        [.. (await checklist.StepsAsync(CancellationToken.None)).Where(s => s.Done).Select(s => s.Kind)];

    private async Task<MultiPolygon> CountyAsync()
    {
        await using var db = await Db();
        return (await db.AdminAreas.SingleAsync(a => a.Role == AdminAreaRole.County)).Boundary;
    }

    private async Task<int> SquadIdAsync()
    {
        await using var db = await Db();
        return await db.Squads.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private async Task AddSquadAsync(string code, MultiPolygon area)
    {
        await using var db = await Db();
        db.Squads.Add(new Squad
        {
            Code = code,
            Name = $"第{code}中队",
            LeaderName = "测试",
            DutyPhone = "0539-0000000",
            Base = area.InteriorPoint,
            Jurisdiction = area,
        });
        await db.SaveChangesAsync();
    }

    private static (MultiPolygon West, MultiPolygon East) Halves(MultiPolygon county)
    {
        var extent = county.EnvelopeInternal;
        var middle = (extent.MinX + extent.MaxX) / 2;
        var factory = Wgs84.Factory;
        var west = factory.ToGeometry(new Envelope(extent.MinX - 1, middle, extent.MinY - 1, extent.MaxY + 1));
        var east = factory.ToGeometry(new Envelope(middle, extent.MaxX + 1, extent.MinY - 1, extent.MaxY + 1));
        return (AsMulti(county.Intersection(west)), AsMulti(county.Intersection(east)));
    }

    private static MultiPolygon AsMulti(Geometry geometry) => geometry switch
    {
        MultiPolygon multi => multi,
        Polygon polygon => Wgs84.Factory.CreateMultiPolygon([polygon]),
        var other => Wgs84.Factory.CreateMultiPolygon([.. Enumerable.Range(0, other.NumGeometries).Select(other.GetGeometryN).OfType<Polygon>()]),
    };

    private Task<CommandCenterDb> Db() => app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
}
