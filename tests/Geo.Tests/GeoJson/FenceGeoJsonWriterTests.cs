using System.Text.Json;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Geo.Schedules;
using CommandCenter.Geo.Tests.Support;

namespace CommandCenter.Geo.Tests.GeoJson;

public class FenceGeoJsonWriterTests
{
    [Fact]
    public void WrittenFencesReadBackWithEverySetting()
    {
        FenceDefinition[] fences =
        [
            new(1, "城区", FenceKind.Inclusion,
                Wkt.Read("MULTIPOLYGON(((118 35, 118.1 35, 118.1 35.1, 118 35.1, 118 35), (118.04 35.04, 118.04 35.06, 118.06 35.06, 118.06 35.04, 118.04 35.04)), ((118.2 35, 118.3 35, 118.3 35.1, 118.2 35))))"),
                scope: FenceScope.ForSquad(3)),
            new(2, "网吧", FenceKind.Exclusion, Wkt.Read("POLYGON((118.01 35.01, 118.011 35.01, 118.011 35.011, 118.01 35.01))"),
                bufferMetres: 30, scope: FenceScope.ListedSubjects([9, 4]), immediate: true,
                schedule: new FenceSchedule(
                    [new WeeklyWindow([DayOfWeek.Saturday, DayOfWeek.Sunday], new TimeOnly(9, 30), new TimeOnly(23, 0))],
                    [new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30))])),
            new(3, "家", FenceKind.Home, Wkt.Read("POLYGON((118.05 35.05, 118.051 35.05, 118.051 35.051, 118.05 35.05))"),
                scope: FenceScope.ForRiskLevel(2),
                schedule: new FenceSchedule([WeeklyWindow.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0))])),
        ];

        var result = FenceGeoJsonReader.Read(FenceGeoJsonWriter.Write(fences));

        Assert.Empty(result.Errors);
        Assert.Equal(fences.Length, result.Fences.Count);
        foreach (var (written, read) in fences.Zip(result.Fences))
        {
            Assert.Equal(written.Id, read.Id);
            Assert.Equal(written.Name, read.Name);
            Assert.Equal(written.Kind, read.Kind);
            Assert.Equal(written.BufferMetres, read.BufferMetres);
            Assert.Equal(written.Immediate, read.Immediate);
            Assert.Equal(written.Scope, read.Scope);
            Assert.Equal(written.Schedule, read.Schedule);
            Assert.True(written.Geometry.EqualsTopologically(read.Geometry));
        }
    }

    [Fact]
    public void OuterRingsAreWrittenCounterClockwiseAndHolesClockwise()
    {
        // Drawn with a clockwise shell and a counter-clockwise hole.
        var fence = new FenceDefinition(1, "f", FenceKind.Inclusion,
            Wkt.Read("POLYGON((118 35, 118 35.1, 118.1 35.1, 118.1 35, 118 35), (118.04 35.04, 118.06 35.04, 118.06 35.06, 118.04 35.06, 118.04 35.04))"));

        var result = FenceGeoJsonReader.Read(FenceGeoJsonWriter.Write([fence]));

        Assert.Empty(result.Repairs);
    }

    [Fact]
    public void ChineseNamesAreWrittenAsTextNotEscapes()
    {
        var fence = new FenceDefinition(1, "第一中学", FenceKind.Exclusion, Wkt.Read("POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35))"));

        string json = FenceGeoJsonWriter.Write([fence]);

        Assert.Contains("第一中学", json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
    }
}
