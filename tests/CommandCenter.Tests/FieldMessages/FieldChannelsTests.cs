using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.FieldMessages;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.FieldMessages;

namespace CommandCenter.Tests.FieldMessages;

/// <summary>
/// The channels a commander sets up through the API: in force for the next message without a restart, stopped by
/// disabling, their keys encrypted at rest and never answered, logged to the audit trail or shown to anyone, and
/// refused whole with a 400 naming the field when anything is wrong.
/// </summary>
public class FieldChannelsTests(FieldMessagesApp app) : IClassFixture<FieldMessagesApp>
{
    private const string Channels = "/api/v1/site/field-channels";
    private const string PlainKey = "plain-robot-key-4f2a9c";
    private const string PlainSecret = "SECplain-signing-secret-7d31e0";

    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly FieldAlertSteps steps = new(app);

    private static object WeCom(string name, string url, string? squad = FieldChannelOptions.EverySquad, bool enabled = true) =>
        new { name, kind = "WeComRobot", squad, url, enabled };

    [Fact]
    public async Task AChannelAddedThroughTheApiHearsOfTheNextDispatchWithoutARestartAndDisablingItStopsIt()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var path = "/cgi-bin/webhook/send?key=added-every-squad";
        var added = await commander.Client.PostAsJsonAsync(Channels, WeCom("全体中队群", app.Receiver.Url(path)));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var (first, _, _, squad) = await steps.RaiseAsync(10, "Major", TimeSpan.FromSeconds(5));
        await steps.DispatchAsync(first, squad);
        var heard = await app.Receiver.WaitForAsync(r => r.PathAndQuery == path && r.Body.Contains($"alert={first}", StringComparison.Ordinal));
        Assert.Contains("【派警】", heard.Body);

        var disabled = await commander.Client.PutAsJsonAsync($"{Channels}/{id}", WeCom("全体中队群", url: null!, enabled: false));
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var (second, _, _, _) = await steps.RaiseAsync(11, "Major", TimeSpan.FromSeconds(5));
        await steps.DispatchAsync(second, squad);

        // The configuration's channel of squad S1 hears of it; the disabled one is not even planned for.
        await app.Receiver.WaitForAsync(r => r.PathAndQuery == "/cgi-bin/webhook/send?key=s1" && r.Body.Contains($"alert={second}", StringComparison.Ordinal));
        await FieldAlertSteps.Eventually(async () => await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND state = 'Sent'", ("id", second)) >= 2);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM field_messages WHERE alert_id = @id AND channel = '全体中队群'", ("id", second)));
        Assert.DoesNotContain(app.Receiver.Received, r => r.PathAndQuery == path && r.Body.Contains($"alert={second}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysAndSecretsAreEncryptedAtRestAndNeverAnsweredAuditedOrShown()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var added = await commander.Client.PostAsJsonAsync(Channels, new
        {
            name = "大队钉钉群", kind = "DingTalkRobot", squad = (string?)null,
            url = app.Receiver.Url($"/robot/send?access_token={PlainKey}"), secret = PlainSecret,
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var view = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetInt32();
        Assert.True(view.GetProperty("secretSet").GetBoolean());
        Assert.EndsWith("access_token=***", view.GetProperty("url").GetString());

        // A change of the secret and the name, then the address kept (null): the audit names the fields only.
        var changed = await commander.Client.PutAsJsonAsync($"{Channels}/{id}", new
        {
            name = "大队钉钉群2", kind = "DingTalkRobot", squad = (string?)null, url = (string?)null, secret = PlainSecret + "-new", enabled = true,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var row = await county.ScalarAsync<string>("SELECT row_to_json(c)::text FROM field_channels c WHERE id = @id", ("id", id));
        Assert.DoesNotContain(PlainKey, row);
        Assert.DoesNotContain("plain-signing-secret", row);
        var audit = await county.ScalarAsync<string>("SELECT string_agg(coalesce(target, '') || ' ' || coalesce(detail, ''), ' | ') FROM audit_entries WHERE target = @t", ("t", $"field-channel:{id}"));
        Assert.Contains("secret", audit);
        Assert.Contains("name", audit);
        var everything = await county.ScalarAsync<string>("SELECT coalesce(string_agg(row_to_json(a)::text, ' '), '') FROM audit_entries a");
        Assert.DoesNotContain(PlainKey, everything);
        Assert.DoesNotContain("plain-signing-secret", everything);

        var listed = await commander.Client.GetStringAsync(Channels);
        var page = await commander.Client.GetStringAsync("/site/channels");
        foreach (var shown in new[] { listed, page, await commander.Client.GetStringAsync("/site/messages") })
        {
            Assert.DoesNotContain(PlainKey, shown);
            Assert.DoesNotContain("plain-signing-secret", shown);
        }

        // Prerendered pages write Chinese as character references.
        Assert.Contains("大队钉钉群2", WebUtility.HtmlDecode(page));

        // The duty officer reads the messages' page, where the channels are named, and nothing of a key.
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync(Channels)).StatusCode);
        var messages = await officer.Client.GetStringAsync("/site/messages");
        Assert.Contains("大队钉钉群2", WebUtility.HtmlDecode(messages));
        Assert.DoesNotContain(PlainKey, messages);
        Assert.DoesNotContain("plain-signing-secret", messages + await officer.Client.GetStringAsync("/api/v1/field-messages"));
    }

    [Fact]
    public async Task TheTestMessageReachesTheChannelSignedWithTheStoredSecretAndItsOutcomeIsAnswered()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var added = await commander.Client.PostAsJsonAsync(Channels, new
        {
            name = "测试钉钉", kind = "DingTalkRobot", url = app.Receiver.Url("/robot/send?access_token=trial"), secret = FieldMessagesApp.DingTalkSecret, enabled = false,
        });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var answer = await commander.Client.PostAsync($"{Channels}/{id}/test", null);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("accepted").GetBoolean());
        var sent = await app.Receiver.WaitForAsync(r => r.PathAndQuery.StartsWith("/robot/send?access_token=trial&", StringComparison.Ordinal) && r.Body.Contains("【测试】", StringComparison.Ordinal));
        DingTalkSignatures.AssertValid(sent.PathAndQuery, FieldMessagesApp.DingTalkSecret);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.PostAsync($"{Channels}/999999/test", null)).StatusCode);
    }

    [Fact]
    public async Task MarkupInAChannelsNameIsShownAsText()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var name = "<img src=x onerror=alert(1)>群";
        Assert.Equal(HttpStatusCode.Created, (await commander.Client.PostAsJsonAsync(Channels, WeCom(name, app.Receiver.Url("/cgi-bin/webhook/send?key=markup")))).StatusCode);

        var page = await commander.Client.GetStringAsync("/site/channels");

        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
        Assert.Contains(name, WebUtility.HtmlDecode(page));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"name":"a","kind":"WeComRobot","url":"ftp://example.com/hook?key=1"}""", "url" },
        { """{"name":"a","kind":"WeComRobot","url":"javascript:alert(1)"}""", "url" },
        { """{"name":"a","kind":"WeComRobot","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={text}"}""", "url" },
        { """{"name":"a","kind":"WeComRobot"}""", "url" },
        { $$"""{"name":"{{new string('n', 65)}}","kind":"WeComRobot","url":"https://example.com/h?key=1"}""", "name" },
        { """{"name":"  ","kind":"WeComRobot","url":"https://example.com/h?key=1"}""", "name" },
        { """{"name":"hall-wecom","kind":"WeComRobot","url":"https://example.com/h?key=1"}""", "name" },
        { """{"name":"a","kind":"Fax","url":"https://example.com/h?key=1"}""", "kind" },
        { """{"name":"a","kind":"1","url":"https://example.com/h?key=1"}""", "kind" },
        { """{"name":"a","kind":"WeComRobot","url":"https://example.com/h?key=1","squad":"NOPE"}""", "squad" },
        { """{"name":"a","kind":"WeComRobot","url":"https://example.com/h?key=1","secret":"SECx"}""", "secret" },
        { $$"""{"name":"a","kind":"DingTalkRobot","url":"https://example.com/h?access_token=1","secret":"{{new string('s', 201)}}"}""", "secret" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}","body":"{\"m\":\"{phone}\",\"c\":\"{text}\",\"x\":\"{password}\"}","phones":["13800000000"]}""", "body" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}","body":"{\"m\":\"{phone}\"}","phones":["13800000000"]}""", "body" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}&t={text}&k={apikey}","phones":["13800000000"]}""", "url" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}&t={text}","phones":["<b>1</b>"]}""", "phones" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}&t={text}"}""", "phones" },
        { """{"name":"a","kind":"WeComRobot","url":"https://example.com/h?key=1","phones":["13800000000"]}""", "phones" },
        { """{"name":"a","kind":"Sms","url":"https://sms.example.com/send?to={phone}&t={text}","phones":["13800000000"],"contentType":"not a type"}""", "contentType" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task AnInvalidChannelIsRefusedWithA400NamingTheFieldAndNothingIsStored(string body, string field)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var before = await county.CountAsync("SELECT count(*) FROM field_channels");

        var answer = await commander.Client.PostAsync(Channels, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected a problem with {field}: {problem}");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM field_channels"));
    }

    [Fact]
    public async Task AChangeThatIsInvalidLeavesTheStoredChannelAsItWasAndAnUnknownMemberIsRefused()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var added = await commander.Client.PostAsJsonAsync(Channels, WeCom("保持不变", app.Receiver.Url("/cgi-bin/webhook/send?key=kept")));
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var before = await county.ScalarAsync<string>("SELECT row_to_json(c)::text FROM field_channels c WHERE id = @id", ("id", id));

        var refused = await commander.Client.PutAsJsonAsync($"{Channels}/{id}", new { name = "改名", kind = "WeComRobot", url = "http://", enabled = false });
        var unknown = await commander.Client.PostAsync(Channels, new StringContent("""{"name":"b","kind":"WeComRobot","url":"https://e.com/?key=1","plainKey":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(before, await county.ScalarAsync<string>("SELECT row_to_json(c)::text FROM field_channels c WHERE id = @id", ("id", id)));
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.PutAsJsonAsync($"{Channels}/999999", WeCom("x", "https://e.com/?key=1"))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.DutyOfficer)]
    [InlineData(Roles.SquadLeader)]
    public async Task NeitherADutyOfficerNorASquadLeaderReadsOrChangesChannels(string role)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var added = await commander.Client.PostAsJsonAsync(Channels, WeCom($"仅指挥长-{role}", app.Receiver.Url("/cgi-bin/webhook/send?key=" + PlainKey)));
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var squad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE code = 'S1'");
        using var other = await app.SignInAsync(role, role == Roles.SquadLeader ? squad : null);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync(Channels)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync(Channels, WeCom("偷加", "https://e.com/?key=1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PutAsJsonAsync($"{Channels}/{id}", WeCom("偷改", "https://evil.example/?key=1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.DeleteAsync($"{Channels}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsync($"{Channels}/{id}/test", null)).StatusCode);
        var page = await other.Client.GetAsync("/site/channels");
        Assert.DoesNotContain(PlainKey, await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"field-channels-page\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM field_channels WHERE id = @id AND name = @n", ("id", id), ("n", $"仅指挥长-{role}")));
    }
}
