using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.Fences;

public class FenceDefinitionTests
{
    private const string SquareWithHole =
        "POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35), (118.004 35.004, 118.004 35.006, 118.006 35.006, 118.006 35.004, 118.004 35.004))";

    [Theory]
    [InlineData(118.005, 35.0)]   // on an edge of the outer ring
    [InlineData(118.0, 35.0)]     // on a vertex
    [InlineData(118.004, 35.005)] // on the edge of the hole
    [InlineData(118.002, 35.002)] // inside
    public void APointOnTheBoundaryOrInsideIsCovered(double longitude, double latitude)
    {
        var fence = new FenceDefinition(1, "square", FenceKind.Inclusion, Wkt.Read(SquareWithHole));

        Assert.True(fence.Covers(longitude, latitude));
    }

    [Theory]
    [InlineData(118.005, 35.005)] // in the hole
    [InlineData(118.011, 35.005)] // east of the square
    public void APointInAHoleOrOutsideIsNotCovered(double longitude, double latitude)
    {
        var fence = new FenceDefinition(1, "square", FenceKind.Inclusion, Wkt.Read(SquareWithHole));

        Assert.False(fence.Covers(longitude, latitude));
    }

    [Fact]
    public void AMultiPolygonCoversEachOfItsParts()
    {
        var fence = new FenceDefinition(1, "two", FenceKind.Exclusion,
            Wkt.Read("MULTIPOLYGON(((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35)), ((118.1 35, 118.11 35, 118.11 35.01, 118.1 35.01, 118.1 35)))"));

        Assert.True(fence.Covers(118.005, 35.005));
        Assert.True(fence.Covers(118.105, 35.005));
        Assert.False(fence.Covers(118.05, 35.005));
    }

    [Fact]
    public void ABufferedFenceCoversPointsWithinTheBufferButKeepsTheDrawnGeometry()
    {
        var drawn = Wkt.Read("POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35))");

        var fence = new FenceDefinition(1, "school", FenceKind.Exclusion, drawn, bufferMetres: 100);

        Assert.True(fence.Covers(118.01 + Metres.EastToDegrees(35.005, 90), 35.005));
        Assert.False(fence.Covers(118.01 + Metres.EastToDegrees(35.005, 110), 35.005));
        Assert.True(fence.Geometry.EqualsExact(drawn));
    }

    [Fact]
    public void WithoutABufferTheEffectiveGeometryIsTheDrawnOne()
    {
        var fence = new FenceDefinition(1, "square", FenceKind.Inclusion, Wkt.Read(SquareWithHole));

        Assert.Same(fence.Geometry, fence.EffectiveGeometry);
    }

    [Fact]
    public void DefaultsAreAllSubjectsAlwaysActiveAndNotImmediate()
    {
        var fence = new FenceDefinition(1, "square", FenceKind.Home, Wkt.Read(SquareWithHole));

        Assert.Equal(FenceScope.AllSubjects, fence.Scope);
        Assert.True(fence.Schedule.IsAlways);
        Assert.False(fence.Immediate);
        Assert.True(fence.RequiresInside);
    }

    [Fact]
    public void WithIdChangesOnlyTheIdAndReusesTheBufferedArea()
    {
        var fence = new FenceDefinition(0, "school", FenceKind.Exclusion, Wkt.Read(SquareWithHole), bufferMetres: 50, immediate: true);

        var stored = fence.WithId(42);

        Assert.Equal(42, stored.Id);
        Assert.Equal(fence.Name, stored.Name);
        Assert.True(stored.Immediate);
        Assert.Same(fence.EffectiveGeometry, stored.EffectiveGeometry);
    }

    [Fact]
    public void ALineIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new FenceDefinition(1, "line", FenceKind.Inclusion, Wkt.Read("LINESTRING(118 35, 118.01 35)")));

        Assert.Contains("Polygon or a MultiPolygon", error.Message);
    }

    [Fact]
    public void ABowTieIsRefusedWithThePlaceOfTheCrossing()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new FenceDefinition(1, "bow tie", FenceKind.Inclusion, Wkt.Read("POLYGON((118 35, 118.01 35.01, 118.01 35, 118 35.01, 118 35))")));

        Assert.Contains("Self-intersection", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("118.005", error.Message);
    }

    [Fact]
    public void AGeometryInAnotherSridIsRefused()
    {
        var projected = new GeometryFactory(new PrecisionModel(), 3857).CreatePolygon(
            [new(0, 0), new(10, 0), new(10, 10), new(0, 0)]);

        Assert.Throws<ArgumentException>(() => new FenceDefinition(1, "metres", FenceKind.Inclusion, projected));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(60_000)]
    public void ABufferOutsideZeroToFiftyKilometresIsRefused(double buffer)
    {
        Assert.Throws<ArgumentException>(() =>
            new FenceDefinition(1, "square", FenceKind.Inclusion, Wkt.Read(SquareWithHole), bufferMetres: buffer));
    }

    [Fact]
    public void APositionOffTheGlobeIsRefusedWhenTested()
    {
        var fence = new FenceDefinition(1, "square", FenceKind.Inclusion, Wkt.Read(SquareWithHole));

        Assert.Throws<ArgumentOutOfRangeException>(() => fence.Covers(181, 35));
    }
}
