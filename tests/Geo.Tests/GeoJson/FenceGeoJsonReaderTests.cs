using CommandCenter.Geo.Fences;
using CommandCenter.Geo.GeoJson;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.GeoJson;

public class FenceGeoJsonReaderTests
{
    private const string Square = "[[118,35],[118.01,35],[118.01,35.01],[118,35.01],[118,35]]";

    [Fact]
    public void AFeatureWithFullPropertiesIsRead()
    {
        var result = FenceGeoJsonReader.Read($$$"""
            {"type":"FeatureCollection","features":[{"type":"Feature","id":12,
              "geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},
              "properties":{"name":"第一中学","kind":"exclusion","bufferMetres":50,"immediate":true,
                "scope":{"kind":"subjects","subjects":[3,4]},
                "schedule":{"windows":[{"days":["mon","fri"],"start":"07:00","end":"18:00"}],"dates":[{"from":"2025-03-01","to":"2025-05-31"}]} } }]}
            """);

        var fence = Assert.Single(result.Fences);
        Assert.Empty(result.Errors);
        Assert.Equal(12, fence.Id);
        Assert.Equal("第一中学", fence.Name);
        Assert.Equal(FenceKind.Exclusion, fence.Kind);
        Assert.Equal(50, fence.BufferMetres);
        Assert.True(fence.Immediate);
        Assert.Equal(FenceScope.ListedSubjects([3, 4]), fence.Scope);
        var window = Assert.Single(fence.Schedule.Windows);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], window.Days);
        Assert.Equal(new TimeOnly(7, 0), window.Start);
        Assert.Equal(new DateOnly(2025, 5, 31), Assert.Single(fence.Schedule.DateRanges).To);
    }

    [Fact]
    public void ABarePolygonReadsAsAnInclusionFenceForEveryoneAlwaysActive()
    {
        var result = FenceGeoJsonReader.Read($$$"""{"type":"Polygon","coordinates":[{{{Square}}}]}""");

        var fence = Assert.Single(result.Fences);
        Assert.Equal(FenceKind.Inclusion, fence.Kind);
        Assert.Equal(FenceScope.AllSubjects, fence.Scope);
        Assert.True(fence.Schedule.IsAlways);
        Assert.Equal("Fence 1", fence.Name);
    }

    [Fact]
    public void AnUnclosedRingIsClosedAndTheRepairReported()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[118.01,35],[118.01,35.01],[118,35.01]]]}""");

        var fence = Assert.Single(result.Fences);
        Assert.Equal(5, fence.Geometry.NumPoints);
        var repair = Assert.Single(result.Repairs);
        Assert.Equal(GeoJsonMessages.RingClosed, repair.Key);
        Assert.Equal((0, 0, 3), (repair.Polygon, repair.Ring, repair.Vertex));
    }

    [Fact]
    public void ARepeatedPositionIsRemovedAndReportedAtItsVertex()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[118.01,35],[118.01,35],[118.01,35.01],[118,35.01],[118,35]]]}""");

        Assert.Equal(5, Assert.Single(result.Fences).Geometry.NumPoints);
        Assert.Equal(2, Assert.Single(result.Repairs).Vertex);
    }

    [Fact]
    public void AClockwiseOuterRingAndACounterClockwiseHoleAreReversed()
    {
        var result = FenceGeoJsonReader.Read("""
            {"type":"Polygon","coordinates":[
              [[118,35],[118,35.01],[118.01,35.01],[118.01,35],[118,35]],
              [[118.004,35.004],[118.006,35.004],[118.006,35.006],[118.004,35.006],[118.004,35.004]]]}
            """);

        var polygon = (Polygon)Assert.Single(result.Fences).Geometry;
        Assert.True(Orientation.IsCCW(polygon.ExteriorRing.CoordinateSequence));
        Assert.False(Orientation.IsCCW(polygon.InteriorRings[0].CoordinateSequence));
        Assert.Equal([0, 1], result.Repairs.Select(r => r.Ring!.Value));
    }

    [Fact]
    public void AZeroWidthSpikeIsRemoved()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[118.01,35],[118.02,35.005],[118.01,35],[118.01,35.01],[118,35.01],[118,35]]]}""");

        Assert.Equal(5, Assert.Single(result.Fences).Geometry.NumPoints);
        Assert.Contains(result.Repairs, r => r.Key == GeoJsonMessages.Spike && r.Vertex == 2);
    }

    [Fact]
    public void AnOutOfRangeCoordinateIsRefusedWithItsFeatureRingAndVertex()
    {
        var result = FenceGeoJsonReader.Read($$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},"properties":{}},
              {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[{{{Square}}}],[[[118,35],[181,35],[118.01,35.01],[118,35]]]]},"properties":{}}]}
            """);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Fences);
        var error = Assert.Single(result.Errors);
        Assert.Equal("feature 1, polygon 1, ring 0, vertex 1", error.Location);
        Assert.Equal(GeoJsonMessages.OutOfRange, error.Key);
    }

    [Fact]
    public void ASelfIntersectingRingIsRefusedNearTheCrossing()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[118.01,35.01],[118.01,35],[118,35.01],[118,35]]]}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Feature);
        Assert.Equal(0, error.Ring);
        Assert.StartsWith("118.005", error.Args[0], StringComparison.Ordinal);
        Assert.StartsWith(GeoJsonMessages.InvalidPrefix, error.Key, StringComparison.Ordinal);
        Assert.Contains("ntersection", error.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void AHoleOutsideItsShellIsRefused()
    {
        var result = FenceGeoJsonReader.Read($$$"""{"type":"Polygon","coordinates":[{{{Square}}},[[118.1,35.1],[118.1,35.2],[118.2,35.2],[118.1,35.1]]]}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Ring);
    }

    [Fact]
    public void OverlappingPolygonsOfAMultiPolygonAreMergedIntoOneArea()
    {
        var result = FenceGeoJsonReader.Read($$$"""{"type":"MultiPolygon","coordinates":[[{{{Square}}}],[[[118.005,35.005],[118.015,35.005],[118.015,35.015],[118.005,35.015],[118.005,35.005]]]]}""");

        var fence = Assert.Single(result.Fences);
        Assert.IsType<Polygon>(fence.Geometry);
        Assert.Contains(result.Repairs, r => r.Key == GeoJsonMessages.PolygonsMerged);
        Assert.True(fence.Covers(118.012, 35.012));
    }

    [Fact]
    public void ARingWithFewerThanThreeDistinctPositionsIsRefused()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[118.01,35],[118,35]]]}""");

        Assert.Equal(GeoJsonMessages.TooFewPositions, Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void ALineStringIsRefused()
    {
        var result = FenceGeoJsonReader.Read("""{"type":"Feature","geometry":{"type":"LineString","coordinates":[[118,35],[118.01,35]]},"properties":{}}""");

        Assert.Equal("LineString", Assert.Single(Assert.Single(result.Errors).Args));
    }

    [Fact]
    public void AnUnknownKindIsRefusedWithTheProperty()
    {
        var result = FenceGeoJsonReader.Read($$$"""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},"properties":{"kind":"moat"}}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("feature 0, property kind", error.Location);
    }

    [Fact]
    public void ABadScheduleTimeIsRefusedWithItsPath()
    {
        var result = FenceGeoJsonReader.Read($$$"""
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},
             "properties":{"schedule":{"windows":[{"start":"22:00","end":"6 o'clock"}]} } }
            """);

        Assert.Equal("schedule.windows[0].end", Assert.Single(result.Errors).Property);
    }

    [Fact]
    public void EveryErrorOfTheFileIsListedAtOnce()
    {
        var result = FenceGeoJsonReader.Read($$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[118,95],[118.01,35],[118.01,35.01],[118,35]]]},"properties":{}},
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},"properties":{"bufferMetres":-5}}]}
            """);

        Assert.Equal([0, 1], result.Errors.Select(e => e.Feature!.Value));
    }

    [Fact]
    public void TextThatIsNotJsonIsRefused()
    {
        var result = FenceGeoJsonReader.Read("{ not json");

        Assert.Equal(GeoJsonMessages.NotJson, Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void TwoFeaturesWithOneIdAreRefused()
    {
        var feature = $$$"""{"type":"Feature","id":5,"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},"properties":{}}""";

        var result = FenceGeoJsonReader.Read($$$"""{"type":"FeatureCollection","features":[{{{feature}}},{{{feature}}}]}""");

        Assert.Equal((GeoJsonMessages.DuplicateId, "5"), (Assert.Single(result.Errors).Key, Assert.Single(result.Errors).Args[0]));
    }

    [Fact]
    public async Task AnUploadedStreamIsReadLikeText()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$$"""{"type":"Polygon","coordinates":[{{{Square}}}]}"""));

        var result = await FenceGeoJsonReader.ReadAsync(stream);

        Assert.Single(result.Fences);
    }
}
