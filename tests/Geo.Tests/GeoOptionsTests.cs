namespace CommandCenter.Geo.Tests;

public class GeoOptionsTests
{
    [Fact]
    public void TheDefaultTimeZoneIsShanghaiAtEightHoursAheadInWinterAndSummer()
    {
        var zone = new GeoOptions().ResolveTimeZone();

        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnotherSiteChangesOnlyTheSetting()
    {
        var zone = new GeoOptions { TimeZoneId = "Europe/Berlin" }.ResolveTimeZone();

        Assert.True(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void AnUnknownTimeZoneIsRefusedWithItsName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new GeoOptions { TimeZoneId = "Mars/Olympus" }.ResolveTimeZone());

        Assert.Contains("Mars/Olympus", error.Message);
    }
}
