using CommandCenter.Kit;
using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.Json;
using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Cameras;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Geo.GeoJson;
using CommandCenter.Live;
using CommandCenter.Localization;

namespace CommandCenter.Tests.Localization;

/// <summary>
/// What the rules say about an alert, and why a fence or a camera is refused, read in the reader's language:
/// no Chinese in the English rendering, Chinese in the Chinese one.
/// </summary>
public class RenderedInTheReadersLanguageTests
{
    private static readonly JsonElement Square = JsonDocument.Parse(
        """{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41],[117.60,35.40]]]}""").RootElement;

    /// <summary>One of every explanation the rules and the escalation write.</summary>
    private static readonly AlertDetail[] EveryDetail =
    [
        AlertDetail.Tamper(),
        AlertDetail.PowerOff(),
        AlertDetail.LowBattery(18),
        AlertDetail.Offline(new DateTimeOffset(2026, 11, 24, 21, 5, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(95)),
        AlertDetail.MissedCheckIn(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(8))),
        AlertDetail.OrderEnds(new DateOnly(2026, 12, 1), 0),
        AlertDetail.OrderEnds(new DateOnly(2026, 12, 1), 7),
        AlertDetail.OutsideLeaveDestination(5),
        AlertDetail.LeaveOverdue(5, new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(8))),
        AlertDetail.Escalated(TimeSpan.FromMinutes(3)),
        AlertDetail.SpotCheckUnanswered(new DateTimeOffset(2026, 11, 24, 10, 40, 0, TimeSpan.FromHours(8))),
        AlertDetail.SpotCheckLate(new DateTimeOffset(2026, 11, 24, 10, 40, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 24, 10, 43, 0, TimeSpan.FromHours(8))),
        AlertDetail.SpotCheckOutOfPlace(2345, 500),
        AlertDetail.NightActivity(0.82, 0.15),
        AlertDetail.CoDefendantMeeting("LY2026042", 200, TimeSpan.FromMinutes(10)),
        AlertDetail.ProtectedPerson(AlertRule.ProtectedPersonNear, 1234, 1500),
        AlertDetail.ProtectedPerson(AlertRule.ProtectedPersonBreach, 104, 500),
        AlertDetail.RollCallAbsent("CAM-0007", new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(8))),
    ];

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public void EveryAlertDetailIsRenderedInEachLanguageWithItsValues()
    {
        Assert.Equal(AlertDetail.Keys.Order(), EveryDetail.Select(d => d.Key).Distinct().Order());
        foreach (var detail in EveryDetail)
        {
            var alert = Alert(detail);
            var english = Texts.In("en", () => Texts.Localizer.Detail(alert))!;
            var chinese = Texts.In("zh-CN", () => Texts.Localizer.Detail(alert))!;

            Assert.False(HasChinese(english), $"{detail.Key} in English: {english}");
            Assert.True(HasChinese(chinese), $"{detail.Key} in Chinese: {chinese}");
            Assert.NotEqual(detail.Key, english);
            Assert.All(detail.Args, arg => Assert.Contains(arg, english));
            Assert.All(detail.Args, arg => Assert.Contains(arg, chinese));
        }
    }

    [Fact]
    public void EveryGeoJsonImportMessageIsRenderedInEachLanguageWithItsValues()
    {
        string[] args = ["117.25", "35.5", "polygon, hole"];
        foreach (var key in GeoJsonMessages.All)
        {
            var issue = new GeoJsonIssue(0, key, args);
            var english = Texts.In("en", () => Texts.Localizer.Message(issue));
            var chinese = Texts.In("zh-CN", () => Texts.Localizer.Message(issue));

            Assert.NotEqual(key, english);
            Assert.NotEqual(key, chinese);
            Assert.False(HasChinese(english), $"{key} in English: {english}");
            Assert.True(HasChinese(chinese), $"{key} in Chinese: {chinese}");
            Assert.All(args, arg => Assert.Equal(english.Contains(arg, StringComparison.Ordinal), chinese.Contains(arg, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void ARefusedImportIsDescribedInTheReadersLanguage()
    {
        var read = FenceGeoJsonReader.Read("""{"type":"Polygon","coordinates":[[[118,35],[200,35],[118,35.01],[118,35]]]}""");

        var issue = Assert.Single(read.Errors);
        Assert.Contains("超出范围", Texts.In("zh-CN", () => Texts.Localizer.Described(issue)));
        Assert.Contains("out of range", Texts.In("en", () => Texts.Localizer.Described(issue)));
    }

    [Fact]
    public void AnEscalationNoteIsRenderedOnTheTimelineInTheReadersLanguage()
    {
        var step = new AlertEventView(AlertEventKind.Escalated, DateTimeOffset.UnixEpoch, "system", null, null)
        {
            NoteKey = AlertDetail.EscalatedKey,
            NoteArgs = AlertDetail.Escalated(TimeSpan.FromMinutes(3)).Args,
        };

        Assert.Equal("Not acknowledged within 3 minutes", Texts.In("en", () => Texts.Localizer.Note(step)));
        Assert.Equal("未在 3 分钟内确认", Texts.In("zh-CN", () => Texts.Localizer.Note(step)));
    }

    [Fact]
    public void AnAlertStoredBeforeTheKeysKeepsItsSentenceAndAPersonsNoteIsShownAsWritten()
    {
        var legacy = Alert(null) with { Detail = "电量 12%" };
        var step = new AlertEventView(AlertEventKind.Acknowledged, DateTimeOffset.UnixEpoch, "duty", "看到了", null);

        Assert.Equal("电量 12%", Texts.In("en", () => Texts.Localizer.Detail(legacy)));
        Assert.Equal("看到了", Texts.In("en", () => Texts.Localizer.Note(step)));
        Assert.Null(Texts.In("en", () => Texts.Localizer.Detail(Alert(null))));
    }

    [Fact]
    public void EveryFenceAndCameraRefusalIsInTheReadersLanguage()
    {
        var english = Texts.In("en", Refusals);
        var chinese = Texts.In("zh-CN", Refusals);

        // One input per refusal, so each key is rendered once (a camera's name and a fence's read alike).
        var keys = RefusalKeys();
        Assert.Equal(keys.Count, english.Count);
        Assert.Equal(keys.Count, chinese.Count);
        Assert.All(english, message => Assert.False(HasChinese(message), message));
        Assert.All(chinese, message => Assert.True(HasChinese(message), message));
    }

    /// <summary>Every refusal FenceChecks, CameraChecks and CameraCsv can give, once each.</summary>
    private static List<string> Refusals()
    {
        var text = Texts.Localizer;
        var messages = new List<string>();
        void Add(Dictionary<string, string[]> errors) => messages.AddRange(errors.Values.SelectMany(m => m));

        Add(FenceChecks.Check(new FenceInput(null, null, null, BufferMeters: -1, Scope: null), text).Errors);
        Add(FenceChecks.Check(new FenceInput("a", FenceKind.Home, Square, Scope: FenceScopeKind.ListedSubjects), text).Errors);
        Add(FenceChecks.Check(new FenceInput("a", FenceKind.Home, Square, Scope: FenceScopeKind.RiskLevel), text).Errors);
        Add(FenceChecks.Check(new FenceInput("a", FenceKind.Home, Square, Scope: FenceScopeKind.Squad), text).Errors);
        Add(FenceChecks.Check(new FenceInput("a", FenceKind.Home, Square, Schedule: new FenceScheduleFields("2026-02-01", "2026-01-01",
            [new WeeklyWindowFields([], "22:00", "06:00"), new WeeklyWindowFields([DayOfWeek.Monday], "22:00", "22:00")])), text).Errors);
        Add(FenceChecks.Check(new FenceInput("a", FenceKind.Home, Square, Schedule: new FenceScheduleFields("1 Feb", null,
            [new WeeklyWindowFields([DayOfWeek.Monday], "22:00", "6 am")])), text).Errors);

        Add(CameraChecks.Check(new CameraInput(null, null, 91, null, "ftp://x", null, true), text));
        Add(CameraChecks.Check(new CameraInput("C-1", "a", 35.5, 117.6, "http://x/{device}.m3u8", "http://x/{deviceId}.jpg", null), text));
        Add(CameraCsv.Read("", text).Errors);
        Add(CameraCsv.Read("code,name", text).Errors);
        Add(CameraCsv.Read("code,name,latitude,longitude\nC-1,a,35.5,117.6\nC-1,b,35.5,117.6", text).Errors);
        return messages;
    }

    private static List<string> RefusalKeys() =>
        new ResourceManager("CommandCenter.Localization.UiText", typeof(UiText).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("Refusal.Fence.", StringComparison.Ordinal) || k.StartsWith("Refusal.Camera.", StringComparison.Ordinal))
            .ToList();

    private static AlertMessage Alert(AlertDetail? detail) =>
        new(1, 1, 1, "PY0001", AlertRule.LowBattery, AlertSeverity.Warning, AlertState.Raised, null, null, 1, "第一中队", DateTimeOffset.UnixEpoch, null, null)
        {
            DetailKey = detail?.Key,
            DetailArgs = detail?.Args,
        };
}
