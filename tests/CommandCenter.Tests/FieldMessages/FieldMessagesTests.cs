using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
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

    private static int fences = 700_000;

    /// <summary>An open alert, as the rules raise it, for the n-th subject of squad S1, with a place on record.</summary>
    private async Task<(long Id, string Name, string IdNumber, int SquadId)> RaiseAsync(int index, string severity, TimeSpan ago)
    {
        var subject = await county.ScalarAsync<int>(
            "SELECT s.id FROM subjects s JOIN squads q ON q.id = s.squad_id WHERE q.code = 'S1' ORDER BY s.id OFFSET @n LIMIT 1", ("n", index));
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", subject));
        var id = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, raised_at, condition_cleared, location)
            VALUES (@s, 'ZoneExit', @fence, @severity, 'Raised', @squad, now() - @ago, false, ST_SetSRID(ST_MakePoint(117.30123, 35.45678), 4326)) RETURNING id
            """, ("s", subject), ("fence", Interlocked.Increment(ref fences)), ("severity", severity), ("squad", squad), ("ago", ago));
        await county.ScalarAsync<int>("INSERT INTO alert_events (alert_id, kind, at, actor) VALUES (@id, 'Raised', now() - @ago, 'system') RETURNING 1", ("id", id), ("ago", ago));
        return (id, await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = @s", ("s", subject)),
            await county.ScalarAsync<string>("SELECT id_number FROM subjects WHERE id = @s", ("s", subject)), squad);
    }

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

    private async Task DispatchAsync(long id, int squad)
    {
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsync($"/api/v1/alerts/{id}/acknowledge", new StringContent("", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsJsonAsync($"/api/v1/alerts/{id}/dispatch", new { squadId = squad })).StatusCode);
    }

    [Fact]
    public async Task ADispatchReachesTheSquadsRobotAndItsLeaderByTextWithTheCaseMaskedAndALinkToTheDesk()
    {
        var (id, name, idNumber, squad) = await RaiseAsync(0, "Major", TimeSpan.FromSeconds(5));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        await DispatchAsync(id, squad);

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
        await Eventually(async () => await county.CountAsync(
            "SELECT count(*) FROM field_messages WHERE alert_id = @id AND trigger = 'Dispatched' AND state = 'Sent' AND attempts = 1 AND sent_at IS NOT NULL", ("id", id)) == 2);
    }

    [Fact]
    public async Task ACriticalAlertNobodyAcknowledgedReachesTheCommandersRobotsAndTheDingTalkOneIsSigned()
    {
        var (id, name, idNumber, _) = await RaiseAsync(1, "Critical", TimeSpan.FromHours(1));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        Assert.Contains(id, await app.Services.GetRequiredService<AlertEscalation>().EscalateAsync(CancellationToken.None));

        var wecom = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=hall" && r.Body.Contains(link));
        Assert.Contains("【紧急告警无人确认】", Content(wecom));
        AssertNothingPersonal(wecom.Body, name, idNumber);
        await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=s1" && r.Body.Contains(link));

        var dingTalk = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=hall&", StringComparison.Ordinal) && r.Body.Contains(link));
        Assert.Contains("【紧急告警无人确认】", Content(dingTalk));
        AssertNothingPersonal(dingTalk.Body, name, idNumber);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + dingTalk.PathAndQuery).Query);
        var timestamp = long.Parse(query["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FieldMessagesApp.DingTalkSecret),
            Encoding.UTF8.GetBytes($"{timestamp}\n{FieldMessagesApp.DingTalkSecret}")));
        Assert.Equal(expected, query["sign"]);
    }

    [Fact]
    public async Task ADeadReceiverDoesNotSlowIngestAndItsMessagesAreRetriedThenRecordedAsFailed()
    {
        var (id, _, _, squad) = await RaiseAsync(2, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Stop();
        try
        {
            await DispatchAsync(id, squad);

            await AssertIngestWaitsForNoReceiverAsync(30, "dead");
            await Eventually(async () => await county.CountAsync(
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
        var (id, _, _, squad) = await RaiseAsync(4, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Silent = true;
        try
        {
            await DispatchAsync(id, squad);
            await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/sms/send" && r.Body.Contains($"alert={id}", StringComparison.Ordinal));

            // The courier is now waiting on a connection that will never answer.
            await AssertIngestWaitsForNoReceiverAsync(31, "hung");
            await Eventually(async () => await county.CountAsync(
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
        var (id, name, idNumber, _) = await RaiseAsync(5, "Major", TimeSpan.FromHours(1));
        var link = $"{FieldMessagesApp.PublicBaseUrl}/desk?alert={id}";

        // The app's own escalation check may get there first: either way the alert is escalated once.
        await app.Services.GetRequiredService<AlertEscalation>().EscalateAsync(CancellationToken.None);

        var wecom = await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=hall" && r.Body.Contains(link));
        Assert.Contains("【告警升级】", Content(wecom));
        AssertNothingPersonal(wecom.Body, name, idNumber);
        var dingTalk = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=hall&", StringComparison.Ordinal) && r.Body.Contains(link));
        Assert.Contains("【告警升级】", Content(dingTalk));
        await Eventually(async () => await county.CountAsync(
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
        var (id, _, _, squad) = await RaiseAsync(3, "Major", TimeSpan.FromSeconds(5));
        app.Receiver.Failing = true;
        try
        {
            await DispatchAsync(id, squad);
            await Eventually(async () => await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND attempts >= 1 AND state = 'Pending'", ("id", id)) == 2);
        }
        finally
        {
            app.Receiver.Failing = false;
        }

        await Eventually(async () => await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND attempts >= 2 AND state = 'Sent'", ("id", id)) == 2);
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

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 30 s.");
            await Task.Delay(100);
        }
    }
}
