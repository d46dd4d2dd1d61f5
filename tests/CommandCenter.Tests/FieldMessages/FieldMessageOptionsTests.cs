using CommandCenter.FieldMessages;

namespace CommandCenter.Tests.FieldMessages;

public class FieldMessageOptionsTests
{
    private static FieldChannelOptions Robot(string name) => new() { Name = name, Kind = FieldChannelKind.WeComRobot, Url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" };

    [Fact]
    public void ASoundSetOfChannelsHasNoProblems()
    {
        var options = new FieldMessageOptions
        {
            DailySummaryAt = "08:00",
            Channels =
            [
                Robot("hall"),
                new() { Name = "sms", Kind = FieldChannelKind.Sms, Url = "https://sms.example.cn/send?to={phone}&text={text}", SquadLeaders = true },
            ],
        };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void EachBrokenChannelIsNamedByItsKey()
    {
        var options = new FieldMessageOptions
        {
            DailySummaryAt = "8 o'clock",
            Channels =
            [
                Robot("hall"),
                Robot("hall"),
                new() { Name = "no-url", Kind = FieldChannelKind.DingTalkRobot, Url = "ftp://x" },
                new() { Name = "sms", Kind = FieldChannelKind.Sms, Url = "https://sms.example.cn/send" },
                new() { Name = "wecom-secret", Kind = FieldChannelKind.WeComRobot, Url = "https://x.cn/", Secret = "SEC" },
            ],
        };

        var keys = options.Problems().Select(p => p.Key).ToList();

        Assert.Contains("DailySummaryAt", keys);
        Assert.Contains("Channels:1:Name", keys);
        Assert.Contains("Channels:2:Url", keys);
        Assert.Contains("Channels:3:Phones", keys);
        Assert.Contains("Channels:3:Body", keys);
        Assert.Contains("Channels:4:Secret", keys);
    }

    [Fact]
    public void RetriesWaitTwiceAsLongEachTimeUpToTheLongestDelay()
    {
        var options = new FieldMessageOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), LongestRetryDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => options.RetryDelay(a).TotalSeconds));
    }

    [Fact]
    public async Task TheSmsBodyIsEscapedForJsonAndTheUrlForAUrl()
    {
        var channel = new FieldChannelOptions
        {
            Name = "sms", Kind = FieldChannelKind.Sms, Url = "https://sms.example.cn/send?to={phone}", Phones = ["13800000000"],
            Body = "{\"content\":\"{text}\"}",
        };

        using var request = ChannelRequests.For(channel, "138 0000", "第一行\n\"引号\"", DateTimeOffset.UnixEpoch);

        Assert.Equal("https://sms.example.cn/send?to=138%200000", request.RequestUri!.OriginalString);
        Assert.Equal("{\"content\":\"第一行\\n\\\"引号\\\"\"}", await request.Content!.ReadAsStringAsync());
    }
}
