using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.TestSupport.FieldMessages;

/// <summary>
/// The small demo county with every kind of channel pointed at a local receiver: the commander's 企业微信 and
/// signed 钉钉 robots, squad S1's 企业微信 robot, and an SMS gateway that texts the leaders of squads sent out.
/// Retries are quick so that a dead receiver's messages fail within a test.
/// </summary>
public class FieldMessagesApp : SmallCountyApp
{
    public const string DingTalkSecret = "SECtest-secret";
    public const string PublicBaseUrl = "https://cc.example.gov.cn";

    public FieldReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Proxy:PublicBaseUrl"] = PublicBaseUrl,
        // Long past every day, so the day's summary goes out as soon as the app starts.
        ["FieldMessages:DailySummaryAt"] = "00:00",
        ["FieldMessages:PollInterval"] = "00:00:00.200",
        ["FieldMessages:FirstRetryDelay"] = "00:00:00.200",
        ["FieldMessages:MaxAttempts"] = "3",
        ["FieldMessages:RequestTimeout"] = "00:00:02",
        ["FieldMessages:Channels:0:Name"] = "hall-wecom",
        ["FieldMessages:Channels:0:Kind"] = "WeComRobot",
        ["FieldMessages:Channels:0:Url"] = Receiver.Url("/cgi-bin/webhook/send?key=hall"),
        ["FieldMessages:Channels:1:Name"] = "hall-dingtalk",
        ["FieldMessages:Channels:1:Kind"] = "DingTalkRobot",
        ["FieldMessages:Channels:1:Url"] = Receiver.Url("/robot/send?access_token=hall"),
        ["FieldMessages:Channels:1:Secret"] = DingTalkSecret,
        ["FieldMessages:Channels:2:Name"] = "s1-wecom",
        ["FieldMessages:Channels:2:Kind"] = "WeComRobot",
        ["FieldMessages:Channels:2:Url"] = Receiver.Url("/cgi-bin/webhook/send?key=s1"),
        ["FieldMessages:Channels:2:Squad"] = "S1",
        ["FieldMessages:Channels:3:Name"] = "leaders-sms",
        ["FieldMessages:Channels:3:Kind"] = "Sms",
        ["FieldMessages:Channels:3:Url"] = Receiver.Url("/sms/send"),
        ["FieldMessages:Channels:3:SquadLeaders"] = "true",
        ["FieldMessages:Channels:3:Body"] = "{\"mobile\":\"{phone}\",\"content\":\"{text}\"}",
    };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}
