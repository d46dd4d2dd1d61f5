using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommandCenter.FieldMessages;

/// <summary>
/// The HTTP request each kind of channel documents. Both robots take {"msgtype":"text","text":{"content":...}}
/// (企业微信 limits content to 2048 bytes; the messages are far shorter); the SMS gateway takes what the site configures.
/// </summary>
public static class ChannelRequests
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HttpRequestMessage For(FieldChannelOptions channel, string? recipient, string text, DateTimeOffset now) => channel.Kind switch
    {
        FieldChannelKind.WeComRobot => Robot(channel.Url, text),
        FieldChannelKind.DingTalkRobot => Robot(channel.Secret is { Length: > 0 } secret ? DingTalkSignature.SignedUrl(channel.Url, secret, now) : channel.Url, text),
        _ => Sms(channel, recipient ?? string.Empty, text),
    };

    private static HttpRequestMessage Robot(string url, string text)
    {
        var body = new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } };
        return new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(Unescaped), Encoding.UTF8, "application/json"),
        };
    }

    private static HttpRequestMessage Sms(FieldChannelOptions channel, string phone, string text)
    {
        var secret = channel.Secret ?? string.Empty;
        var url = channel.Url
            .Replace("{secret}", Uri.EscapeDataString(secret), StringComparison.Ordinal)
            .Replace("{phone}", Uri.EscapeDataString(phone), StringComparison.Ordinal)
            .Replace("{text}", Uri.EscapeDataString(text), StringComparison.Ordinal);
        if (string.IsNullOrEmpty(channel.Body))
        {
            return new HttpRequestMessage(HttpMethod.Get, url);
        }

        var mediaType = MediaTypeHeaderValue.Parse(channel.ContentType).MediaType ?? "application/json";
        Func<string, string> escape = mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            ? value => JsonSerializer.Serialize(value, Unescaped)[1..^1]
            : mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString : value => value;
        var body = channel.Body
            .Replace("{secret}", escape(secret), StringComparison.Ordinal)
            .Replace("{phone}", escape(phone), StringComparison.Ordinal)
            .Replace("{text}", escape(text), StringComparison.Ordinal);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
    }

    /// <summary>
    /// Whether the receiver took the message: a 2xx, and for a robot also errcode 0 (both robots answer 200 with
    /// {"errcode":..,"errmsg":..} when they refuse a message: a wrong key, a bad signature, too many a minute).
    /// </summary>
    public static bool Accepted(FieldChannelKind kind, int status, string body)
    {
        if (status is < 200 or > 299)
        {
            return false;
        }

        if (kind == FieldChannelKind.Sms)
        {
            return true;
        }

        try
        {
            return JsonNode.Parse(body)?["errcode"]?.GetValue<int>() == 0;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
