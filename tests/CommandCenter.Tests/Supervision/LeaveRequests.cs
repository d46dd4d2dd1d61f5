using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.TestSupport.Data;

namespace CommandCenter.Tests.Supervision;

/// <summary>What the leave tests send: request bodies for whole site days or exact moments, decisions, and what the answers say.</summary>
internal static class LeaveRequests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly SiteToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).DateTime);

    /// <summary>A square of about 4 km around the point outside the county the fixes use.</summary>
    public static string Area
    {
        get
        {
            var (lat, lon) = (Fixes.OutsideLatitude, Fixes.OutsideLongitude);
            return FormattableString.Invariant($$"""{"type": "Polygon", "coordinates": [[[{{lon - 0.02}}, {{lat - 0.02}}], [{{lon + 0.02}}, {{lat - 0.02}}], [{{lon + 0.02}}, {{lat + 0.02}}], [{{lon - 0.02}}, {{lat + 0.02}}], [{{lon - 0.02}}, {{lat - 0.02}}]]]}""");
        }
    }

    /// <summary>Whole site days from <paramref name="first"/>, as the page asks for them.</summary>
    public static string Days(DateOnly first, int days, bool urgent = false, string? reason = null) =>
        Between(Midnight(first), Midnight(first.AddDays(days)), urgent, reason);

    public static string Between(DateTimeOffset starts, DateTimeOffset ends, bool urgent = false, string? reason = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["startsAt"] = starts, ["endsAt"] = ends, ["destination"] = "临沂市区", ["area"] = JsonDocument.Parse(Area).RootElement,
            ["bufferMeters"] = 300, ["purpose"] = "探望住院亲属", ["urgent"] = urgent, ["urgentReason"] = reason,
        });

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? language = null)
    {
        // The hall ignores the browser's language: only an explicit choice (the query or the cookie) switches it.
        var request = new HttpRequestMessage(HttpMethod.Post, language is null ? path : $"{path}?culture={language}&ui-culture={language}") { Content = Json(json) };
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, int subjectId, string json, string? language = null) =>
        PostAsync(client, $"/api/v1/subjects/{subjectId}/leave-permits", json, language);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, long permitId, string step, string? reason = null) =>
        PostAsync(client, $"/api/v1/leave-permits/{permitId}/{step}", JsonSerializer.Serialize(new { reason }));

    public static async Task<long> IdOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

    /// <summary>The problem's rule and its sentence.</summary>
    public static async Task<(string? Rule, string Detail)> ProblemOfAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.TryGetProperty("rule", out var rule) ? rule.GetString() : null, problem.GetProperty("detail").GetString()!);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
}
