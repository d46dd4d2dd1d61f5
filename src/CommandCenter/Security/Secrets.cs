using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.Security;

/// <summary>
/// Device keys and integration tokens are long random secrets: a plain SHA-256 cannot be brute-forced
/// for them, so no slow password hash is needed on the ingest path. Only the hash is stored.
/// </summary>
public static class Secrets
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(key));
        var expected = Encoding.ASCII.GetBytes(storedHash.Trim());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A new secret: 32 random bytes, URL-safe base64, after an optional recognisable prefix.</summary>
    public static string New(string prefix = "") => prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
