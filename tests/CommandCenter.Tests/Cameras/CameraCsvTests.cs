using CommandCenter.Cameras;
using CommandCenter.Tests.Localization;

namespace CommandCenter.Tests.Cameras;

public class CameraCsvTests
{
    [Fact]
    public void AWellFormedFileIsReadWithQuotesAndOptionalColumns()
    {
        var (cameras, errors) = CameraCsv.Read("""
            code,name,latitude,longitude,stream_url,online
            CAM-9001,"东岭镇路口, 北侧",35.51,117.62,http://10.1.2.3/live/9001.m3u8,1
            CAM-9002,西河镇卡口,35.40,117.55,,0
            """, Texts.Localizer);

        Assert.Empty(errors);
        Assert.Equal(2, cameras.Count);
        Assert.Equal("东岭镇路口, 北侧", cameras[0].Name);
        Assert.Equal("http://10.1.2.3/live/9001.m3u8", cameras[0].StreamUrl);
        Assert.Null(cameras[1].StreamUrl);
        Assert.False(cameras[1].Online);
    }

    [Fact]
    public void AMissingRequiredColumnIsNamedInTheHeader()
    {
        var (_, errors) = CameraCsv.Read("code,name,latitude\nCAM-1,x,35", Texts.Localizer);

        Assert.Contains("longitude", Assert.Single(errors).Value[0]);
    }

    [Fact]
    public void EveryBadCellIsNamedByRowAndColumn()
    {
        var (_, errors) = CameraCsv.Read("""
            code,name,latitude,longitude,snapshot_url
            CAM-1,ok,35.5,117.6,
            CAM-2,,95,117.6,ftp://nowhere
            """, Texts.Localizer);

        Assert.Equal(["row 3, latitude", "row 3, name", "row 3, snapshotUrl"], errors.Keys.Order());
    }

    [Fact]
    public void ACodeGivenTwiceIsRefused()
    {
        var (_, errors) = CameraCsv.Read("code,name,latitude,longitude\nCAM-1,a,35.5,117.6\nCAM-1,b,35.5,117.6", Texts.Localizer);

        Assert.Contains("CAM-1", errors["code"][0]);
    }
}
