using CommandCenter.Geo.Fences;
using CommandCenter.Hosting;
using CommandCenter.Supervision.Pages;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Supervision.Pages;

public class LeavePermitFormTests
{
    private static readonly SiteClock Clock = new(Options.Create(new SiteOptions()));
    private static readonly (double Latitude, double Longitude) Linyi = (35.05, 118.35);

    private static LeavePermitForm Filled() => new()
    {
        FirstDay = new DateOnly(2026, 5, 1),
        LastDay = new DateOnly(2026, 5, 3),
        Destination = " 临沂市区 ",
        Purpose = "就医",
        RadiusKm = 5,
        BufferMeters = 300,
    };

    [Fact]
    public void AFilledFormWithAPlaceHasNoProblems() => Assert.Empty(Filled().Problems(Linyi));

    [Fact]
    public void EveryMissingOrWrongFieldIsNamed()
    {
        var form = new LeavePermitForm { FirstDay = new DateOnly(2026, 5, 3), LastDay = new DateOnly(2026, 5, 1), RadiusKm = 0, BufferMeters = -1 };

        var problems = form.Problems(null);

        Assert.Equal(["area", "buffer", "destination", "lastDay", "radius"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Leave.Problem.LastBeforeFirst", problems["lastDay"]);
    }

    [Fact]
    public void ThePermitRunsFromTheStartOfTheFirstDayToTheEndOfTheLastInSiteTime()
    {
        var request = Filled().ToRequest(Linyi, Clock);

        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), request.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 16, 0, 0, TimeSpan.Zero), request.EndsAt);
        Assert.Equal("临沂市区", request.Destination);
        Assert.Equal(300, request.BufferMeters);
    }

    [Fact]
    public void TheAreaIsAGeoJsonDiscOfTheRadiusAroundThePlace()
    {
        var area = Filled().ToRequest(Linyi, Clock).Area!.Value;

        Assert.Equal("Polygon", area.GetProperty("type").GetString());
        var ring = area.GetProperty("coordinates")[0];
        Assert.Equal(4 * MetricBuffer.QuadrantSegments + 1, ring.GetArrayLength());
        var north = ring.EnumerateArray().Max(p => p[1].GetDouble());

        // 5 km north of 35.05° is 0.0450° of latitude there.
        Assert.InRange(north - Linyi.Latitude, 0.0445, 0.0455);
    }
}
