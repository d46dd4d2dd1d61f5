using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.FieldMessages;

/// <summary>
/// The signature a 钉钉 robot with 加签 checks: HMAC-SHA256 of "timestamp\nsecret" keyed with the secret, in
/// base64, URL-encoded, sent as &amp;timestamp=..&amp;sign=.. with the timestamp in milliseconds (the robot refuses
/// one more than an hour off).
/// </summary>
public static class DingTalkSignature
{
    public static string Sign(string secret, long timestampMilliseconds)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestampMilliseconds}\n{secret}"));
        return Convert.ToBase64String(hash);
    }

    /// <summary>The webhook address with the timestamp and the URL-encoded signature added to its query.</summary>
    public static string SignedUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(secret, timestamp))}";
    }
}
