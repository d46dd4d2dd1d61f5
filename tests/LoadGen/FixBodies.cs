using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CommandCenter.LoadGen;

/// <summary>Writes ingest bodies straight to bytes, so the generator spends its share of the two cores on sending, not serialising.</summary>
internal static class FixBodies
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static ByteArrayContent Batch(IReadOnlyList<(LoadSubject Subject, DateTimeOffset Time, double Longitude, double Latitude)> fixes)
    {
        var buffer = new ArrayBufferWriter<byte>(fixes.Count * 200);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("positions");
            foreach (var (subject, time, longitude, latitude) in fixes)
            {
                json.WriteStartObject();
                json.WriteString("device", subject.Serial);
                json.WriteString("key", subject.Key);
                json.WriteString("time", time);
                json.WriteNumber("lat", Math.Round(latitude, 6));
                json.WriteNumber("lon", Math.Round(longitude, 6));
                json.WriteNumber("accuracy", 8);
                json.WriteNumber("battery", 80);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = Json;
        return content;
    }
}
