using CommandCenter.Cameras;

namespace CommandCenter.Tests.Cameras;

public class CameraLinksTests
{
    [Fact]
    public void AMediaServerTemplateIsFilledWithTheDeviceAndChannelFromTheCode()
    {
        var resolved = CameraLinks.Resolve("http://media.example/rtp/{deviceId}_{channelId}/hls.m3u8", "34020000001320000001_1310000001");

        Assert.Equal("http://media.example/rtp/34020000001320000001_1310000001/hls.m3u8", resolved);
    }

    [Fact]
    public void TheCodePlaceholderIsEscapedAsAPathSegment()
    {
        Assert.Equal("http://media.example/snap/CAM%2F1.jpg", CameraLinks.Resolve("http://media.example/snap/{code}.jpg", "CAM/1"));
    }

    [Theory]
    [InlineData("http://media.example/rtp/{device}/hls.m3u8", "{device}")]
    [InlineData("http://media.example/rtp/{deviceId/hls.m3u8", "{")]
    [InlineData("http://media.example/rtp/deviceId}/hls.m3u8", "}")]
    public void AnUnknownPlaceholderOrALoneBraceIsNamed(string link, string named)
    {
        Assert.Equal(named, CameraLinks.UnknownPlaceholder(link));
    }

    [Fact]
    public void APathOnThisServerIsLocalButAProtocolRelativeAddressIsNot()
    {
        Assert.True(CameraLinks.IsLocal("/demo-video/CAM-0001/index.m3u8"));
        Assert.False(CameraLinks.IsLocal("//media.example/index.m3u8"));
    }

    [Fact]
    public void APlaylistMustListMediaAndASnapshotMustBeAJpeg()
    {
        Assert.True(CameraProbe.IsPlaylist("#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:2.0,\nindex0.ts\n"u8));
        Assert.False(CameraProbe.IsPlaylist("#EXTM3U\n#EXT-X-VERSION:3\n"u8));
        Assert.False(CameraProbe.IsPlaylist("<html><body>login</body></html>"u8));
        Assert.True(CameraProbe.IsJpeg([0xFF, 0xD8, 0xFF, 0xE0, 0x00]));
        Assert.False(CameraProbe.IsJpeg("<html>"u8));
    }
}
