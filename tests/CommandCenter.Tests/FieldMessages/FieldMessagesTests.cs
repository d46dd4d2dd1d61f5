using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.AlertLog;
using CommandCenter.FieldMessages;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.FieldMessages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.FieldMessages;

public class FieldMessagesTests(FieldMessagesApp app) : IClassFixture<FieldMessagesApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private readonly FieldAlertSteps steps = new(app);

    private static void AssertNothingPersonal(string body, string name, string idNumber)
    {
        Assert.DoesNotContain(name, body);
        Assert.DoesNotContain(idNumber, body);
        Assert.DoesNotContain("117.30", body);
        Assert.DoesNotContain("35.45", body);
    }

    private static string Content(ReceivedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        return json.RootElement.GetProperty("text").GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task ADispatchReachesTheSquadsRobotAndItsLeaderByTextWithTheCaseMaskedAndALinkToTheDesk()
    {
        var (id, name, idNumber, squad) = await steps.RaiseAsync(0, "Major", TimeSpan.FromSeconds(5));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        await steps.DispatchAsync(id, squad);

        var robot = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=s1" && r.Body.Contains(link));
        var content = Content(robot);
        Assert.Contains("【派警】", content);
        Assert.Contains(name[..1] + "*", content);
        AssertNothingPersonal(robot.Body, name, idNumber);

        var dutyPhone = await county.ScalarAsync<string>("SELECT duty_phone FROM squads WHERE id = @q", ("q", squad));
        var sms = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/sms/send" && r.Body.Contains(link));
        using var smsBody = JsonDocument.Parse(sms.Body);
        Assert.Equal(dutyPhone, smsBody.RootElement.GetProperty("mobile").GetString());
        Assert.Contains(link, smsBody.RootElement.GetProperty("content").GetString());
        AssertNothingPersonal(sms.Body, name, idNumber);

        // The commander's robots do not hear of a dispatch; each message is recorded as delivered.
        Assert.DoesNotContain(app.Receiver.Received, r => r.PathAndQuery.Contains("key=hall") && r.Body.Contains(link));
        await FieldAlertSteps.Eventually(async () => await county.CountAsync(
            "SELECT count(*) FROM field_messages WHERE alert_id = @id AND trigger = 'Dispatched' AND state = 'Sent' AND attempts = 1 AND sent_at IS NOT NULL", ("id", id)) == 2);
    }

    [Fact]
    public async Task ACriticalAlertNobodyAcknowledgedReachesTheCommandersRobotsAndTheDingTalkOneIsSigned()
    {
        var (id, name, idNumber, _) = await steps.RaiseAsync(1, "Critical", TimeSpan.FromHours(1));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        Assert.Contains(id, await app.Services.GetRequiredService<AlertEscalation>().EscalateAsync(CancellationToken.None));

        var wecom = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=hall" && r.Body.Contains(link));
        Assert.Contains("【紧急告警无人确认】", Content(wecom));
        AssertNothingPersonal(wecom.Body, name, idNumber);
        await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=s1" && r.Body.Contains(link));

        var dingTalk = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=hall&", StringComparison.Ordinal) && r.Body.Contains(link));
        Assert.Contains("【紧急告警无人确认】", Content(dingTalk));
        AssertNothingPersonal(dingTalk.Body, name, idNumber);
        DingTalkSignatures.AssertValid(dingTalk.PathAndQuery, FieldMessagesApp.DingTalkSecret);
    }

    [Fact]
    public async Task ADeadReceiverDoesNotSlowIngestAndItsMessagesAreRetriedThenRecordedAsFailed()
    {
        var (id, _, _, squad) = await steps.RaiseAsync(2, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Stop();
        try
        {
            await steps.DispatchAsync(id, squad);

            await AssertIngestWaitsForNoReceiverAsync(30, "dead");
            await FieldAlertSteps.Eventually(async () => await county.CountAsync(
                "SELECT count(*) FROM field_messages WHERE alert_id = @id AND state = 'Failed' AND attempts = 3 AND sent_at IS NULL AND last_result IS NOT NULL", ("id", id)) == 2);

            using var officer = await app.SignInAsync(Roles.DutyOfficer);
            var failed = await officer.Client.GetFromJsonAsync<JsonElement>("/api/v1/field-messages?state=Failed");
            Assert.Contains(failed.EnumerateArray(), m => m.GetProperty("alertId").GetInt64() == id);
            var page = await officer.Client.GetStringAsync("/site/messages?state=Failed");
            Assert.Contains("data-state=\"Failed\"", page);
            Assert.Contains("failed-field-messages", await officer.Client.GetStringAsync("/desk"));
        }
        finally
        {
            app.Receiver.Start();
        }
    }

    [Fact]
    public async Task AReceiverThatTakesTheMessageAndNeverAnswersIsGivenUpAtItsTimeoutWithoutSlowingIngest()
    {
        var (id, _, _, squad) = await steps.RaiseAsync(4, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Silent = true;
        try
        {
            await steps.DispatchAsync(id, squad);
            await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/sms/send" && r.Body.Contains($"alert={id}", StringComparison.Ordinal));

            // The courier is now waiting on a connection that will never answer.
            await AssertIngestWaitsForNoReceiverAsync(31, "hung");
            await FieldAlertSteps.Eventually(async () => await county.CountAsync(
                "SELECT count(*) FROM field_messages WHERE alert_id = @id AND state = 'Failed' AND attempts = 3 AND sent_at IS NULL AND last_result LIKE 'No answer within 2 s%'", ("id", id)) == 2);
        }
        finally
        {
            app.Receiver.Silent = false;
        }
    }

    [Fact]
    public async Task AnEscalationReachesOnlyTheCommandersChannelsWithTheCaseMasked()
    {
        var (id, name, idNumber, _) = await steps.RaiseAsync(5, "Major", TimeSpan.FromHours(1));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        // The app's own escalation check may get there first: either way the alert is escalated once.
        await app.Services.GetRequiredService<AlertEscalation>().EscalateAsync(CancellationToken.None);

        var wecom = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=hall" && r.Body.Contains(link));
        Assert.Contains("【告警升级】", Content(wecom));
        AssertNothingPersonal(wecom.Body, name, idNumber);
        var dingTalk = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=hall&", StringComparison.Ordinal) && r.Body.Contains(link));
        Assert.Contains("【告警升级】", Content(dingTalk));
        await FieldAlertSteps.Eventually(async () => await county.CountAsync(
            "SELECT count(*) FROM field_messages WHERE alert_id = @id AND trigger = 'Escalated' AND state = 'Sent'", ("id", id)) == 2);

        // Not the squad's robot nor its leader's phone: an escalation is the hall's business until someone is sent.
        Assert.DoesNotContain(app.Receiver.Received, r => (r.PathAndQuery.Contains("key=s1") || r.PathAndQuery == "/sms/send") && r.Body.Contains(link));
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id", ("id", id)));
    }

    [Fact]
    public async Task TheDailySummaryGoesToTheCommandersChannelsOnceWithCountsOnly()
    {
        var summary = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=hall" && r.Body.Contains("【值班日报】"));

        Assert.Contains($"{FieldMessagesApp.PublicBaseUrl}/desk", Content(summary));
        await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=hall&", StringComparison.Ordinal) && r.Body.Contains("【值班日报】"));
        Assert.DoesNotContain(app.Receiver.Received, r => r.PathAndQuery.Contains("key=s1") && r.Body.Contains("【值班日报】"));
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM field_messages WHERE trigger = 'DailySummary'"));
    }

    [Fact]
    public async Task AReceiverAnswering500IsRetriedUntilItTakesTheMessage()
    {
        var (id, _, _, squad) = await steps.RaiseAsync(3, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Failing = true;
        try
        {
            await steps.DispatchAsync(id, squad);
            await FieldAlertSteps.Eventually(async () => await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND attempts >= 1 AND state = 'Pending'", ("id", id)) == 2);
        }
        finally
        {
            app.Receiver.Failing = false;
        }

        await FieldAlertSteps.Eventually(async () => await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND attempts >= 2 AND state = 'Sent'", ("id", id)) == 2);
    }

    /// <summary>
    /// Posts twenty fixes of one device one after another: none may take as long as a message's timeout, which is the
    /// least that waiting on a receiver that does not answer would cost (a tighter bound fails on a busy machine alone).
    /// </summary>
    private async Task AssertIngestWaitsForNoReceiverAsync(int deviceIndex, string receiver)
    {
        var timeout = app.Services.GetRequiredService<IOptionsMonitor<FieldMessageOptions>>().CurrentValue.RequestTimeout;
        var device = await county.VisibleDeviceAsync(deviceIndex);
        var slowest = TimeSpan.Zero;
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/positions",
                Fixes.Batch(Fixes.Item(device, DateTimeOffset.UtcNow.AddSeconds(i - 30), Fixes.InsideLatitude, Fixes.InsideLongitude)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        Assert.True(slowest < timeout, $"The slowest fix took {slowest.TotalMilliseconds:0} ms while the receiver was {receiver}; a message waits {timeout.TotalMilliseconds:0} ms.");
    }
}
