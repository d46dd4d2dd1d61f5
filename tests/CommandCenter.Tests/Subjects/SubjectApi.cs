using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Tests.Subjects;

/// <summary>What the subject API tests share: the API's JSON conventions, the site's today, and a valid intake.</summary>
public static class SubjectApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Today in the county (tests may read the machine's clock; the app reads its TimeProvider).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>How long ago the county's day (UTC+8) began: a fix placed less than this ago is today's, also just after midnight.</summary>
    public static TimeSpan SinceMidnight => DateTime.UtcNow.AddHours(8).TimeOfDay;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A subject the intake accepts, in the squad given, under a new case number.</summary>
    public static Dictionary<string, object?> NewSubject(string code, int squadId) => new()
    {
        ["code"] = code,
        ["name"] = "测试某甲",
        ["idNumber"] = "371326198506159010",
        ["phone"] = "17000009999",
        ["correctionType"] = "Parole",
        ["supervisionLevel"] = "Ordinary",
        ["riskLevel"] = "Medium",
        ["squadId"] = squadId,
        ["termStart"] = Day(Today.AddMonths(-2)),
        ["termEnd"] = Day(Today.AddYears(2)),
        ["intakeDate"] = Day(Today.AddMonths(-2).AddDays(3)),
        ["homeAddress"] = "平邑镇测试村1号",
        ["homeLatitude"] = 35.5,
        ["homeLongitude"] = 117.6,
    };
}
