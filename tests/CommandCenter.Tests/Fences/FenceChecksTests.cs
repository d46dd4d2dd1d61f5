using System.Text.Json;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Tests.Localization;

namespace CommandCenter.Tests.Fences;

public class FenceChecksTests
{
    private static readonly JsonElement OpenRing = JsonDocument.Parse(
        """{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41]]]}""").RootElement;

    private static FenceInput Curfew(string start, string end) => new(
        "居所", FenceKind.Home, OpenRing, Schedule: new FenceScheduleFields(null, null, [new WeeklyWindowFields([DayOfWeek.Friday], start, end)]));

    [Fact]
    public void AWindowAcrossMidnightIsKeptAsDrawnAndAnOpenRingIsClosedAndReported()
    {
        var result = FenceChecks.Check(Curfew("22:00", "06:00"), Texts.Localizer);

        var window = Assert.Single(result.Fence!.Schedule!.Windows);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (window.Start, window.End));
        Assert.Contains(result.Repairs, r => r.StartsWith("polygon 0, ring 0", StringComparison.Ordinal));
        Assert.True(result.Fence.Area.IsValid);
    }

    [Fact]
    public void AnEmptyWindowAndATimeThatIsNoTimeAreRefusedByTheirPlace()
    {
        Assert.Contains("schedule.windows[0]", FenceChecks.Check(Curfew("22:00", "22:00"), Texts.Localizer).Errors.Keys);
        Assert.Contains("schedule.windows[0].end", FenceChecks.Check(Curfew("22:00", "6 am"), Texts.Localizer).Errors.Keys);
    }

    [Fact]
    public void AScopeWithoutWhatItNamesIsRefused()
    {
        var input = new FenceInput("学校", FenceKind.Exclusion, OpenRing, Scope: FenceScopeKind.Squad);

        var errors = FenceChecks.Check(input, Texts.Localizer).Errors;

        Assert.Equal(["scopeSquadId"], errors.Keys);
    }

    [Fact]
    public void AnImportedFenceWithTwoDateRangesIsRefusedBecauseAFenceKeepsOne()
    {
        var read = CommandCenter.Geo.GeoJson.FenceGeoJsonReader.Read("""
            {"type":"Feature","properties":{"schedule":{"dates":[{"from":"2026-01-01","to":"2026-01-31"},{"from":"2026-03-01","to":"2026-03-31"}]}},
             "geometry":{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41],[117.60,35.40]]]}}
            """);

        var (fence, problem) = GeofenceDefinitions.ToGeofence(Assert.Single(read.Fences));

        Assert.Null(fence);
        Assert.Contains("2 date ranges", problem);
    }

    [Fact]
    public void AnImportedScheduleComesBackAsStored()
    {
        var read = CommandCenter.Geo.GeoJson.FenceGeoJsonReader.Read("""
            {"type":"Feature","properties":{"kind":"home","schedule":{"windows":[{"days":["sat","sun"],"start":"21:30","end":"05:00"}],"dates":[{"from":"2026-02-01","to":"2026-06-30"}]}},
             "geometry":{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41],[117.60,35.40]]]}}
            """);

        var (fence, _) = GeofenceDefinitions.ToGeofence(Assert.Single(read.Fences));

        Assert.Equal(FenceKind.Home, fence!.Kind);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 30)), (fence.Schedule!.From, fence.Schedule.To));
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], Assert.Single(fence.Schedule.Windows).Days);
        Assert.Null(FenceChecks.Usable(fence));
    }
}
