using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Xunit;

namespace CommandCenter.TestSupport.FieldMessages;

/// <summary>Checks a request a 钉钉 robot got as the robot does: the timestamp recent, the sign HMAC-SHA256 of "timestamp\nsecret", computed here independently.</summary>
public static class DingTalkSignatures
{
    public static void AssertValid(string pathAndQuery, string secret)
    {
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + pathAndQuery).Query);
        var timestamp = long.Parse(query["timestamp"]!, CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        Assert.Equal(expected, query["sign"]);
    }
}
