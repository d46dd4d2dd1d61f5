using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.TestSupport.Phone;

/// <summary>
/// A small reference client of the subject's phone API (the part an app such as 在矫通 plays): it proves itself with
/// the enrolled device's serial and key, reads its tasks (spot checks, roll calls) and schedule, and answers a spot check with a JPEG and a fix.
/// </summary>
public sealed class PhoneClient(Uri baseAddress, string serial, string key) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress };

    public string Serial => serial;

    /// <summary>The open spot checks' ids, soonest deadline first.</summary>
    public async Task<IReadOnlyList<long>> SpotChecksToAnswerAsync()
    {
        var tasks = await ReadAsync(await SendAsync(HttpMethod.Get, "/api/v1/phone/tasks"));
        return [.. tasks.GetProperty("spotChecks").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];
    }

    /// <summary>The roll calls to attend before a camera, soonest deadline first, as the phone is told them.</summary>
    public async Task<IReadOnlyList<JsonElement>> RollCallsToAttendAsync()
    {
        var tasks = await ReadAsync(await SendAsync(HttpMethod.Get, "/api/v1/phone/tasks"));
        return [.. tasks.GetProperty("rollCalls").EnumerateArray()];
    }

    public Task<HttpResponseMessage> TasksAsync() => SendAsync(HttpMethod.Get, "/api/v1/phone/tasks");

    public Task<HttpResponseMessage> ScheduleAsync() => SendAsync(HttpMethod.Get, "/api/v1/phone/schedule");

    /// <summary>Answers a check with a photo and the phone's fix, as multipart/form-data.</summary>
    public Task<HttpResponseMessage> AnswerAsync(long checkId, byte[] photo, double longitude, double latitude, double? accuracy = 8)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(longitude.ToString(CultureInfo.InvariantCulture)), "longitude" },
            { new StringContent(latitude.ToString(CultureInfo.InvariantCulture)), "latitude" },
        };
        if (accuracy is { } metres)
        {
            form.Add(new StringContent(metres.ToString(CultureInfo.InvariantCulture)), "accuracy");
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "face.jpg");
        return SendAsync(HttpMethod.Post, $"/api/v1/phone/spot-checks/{checkId}/answer", form);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Device", serial);
        request.Headers.Add("X-Device-Key", key);
        return http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();
}
