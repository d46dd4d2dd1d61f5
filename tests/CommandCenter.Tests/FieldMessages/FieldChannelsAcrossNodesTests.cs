using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.FieldMessages.Channels;
using CommandCenter.Security;
using CommandCenter.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.FieldMessages;

/// <summary>
/// A channel saved on one node is in force on the other well before its once-a-minute reading: the live log's
/// notice makes every node read the channels again, and disabling it there stops it there as quickly.
/// </summary>
public class FieldChannelsAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan WellBeforeThePoll = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AChannelSavedOnOneNodeIsInForceOnTheOtherWithinSecondsAndDisablingItStopsItThere()
    {
        var other = nodes.Second.Services.GetRequiredService<FieldChannelDirectory>();
        using var commander = await nodes.First.SignInAsync(Roles.Commander);
        var channel = new { name = "跨节点群", kind = "WeComRobot", squad = "*", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=across-nodes", enabled = true };

        var added = await commander.Client.PostAsJsonAsync("/api/v1/site/field-channels", channel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var reached = await WithinAsync(() => other.Current.Any(c => c.Name == "跨节点群"));
        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=across-nodes", other.Current.Single(c => c.Name == "跨节点群").Url);

        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PutAsJsonAsync($"/api/v1/site/field-channels/{id}", channel with { enabled = false })).StatusCode);
        var stopped = await WithinAsync(() => other.Current.All(c => c.Name != "跨节点群"));

        Assert.True(reached < WellBeforeThePoll, $"The other node had the channel after {reached.TotalMilliseconds:0} ms.");
        Assert.True(stopped < WellBeforeThePoll, $"The other node dropped the disabled channel after {stopped.TotalMilliseconds:0} ms.");
    }

    private static async Task<TimeSpan> WithinAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The other node did not follow within 30 s.");
            await Task.Delay(20);
        }

        return watch.Elapsed;
    }
}
