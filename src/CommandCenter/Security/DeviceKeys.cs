using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.Security;

/// <summary>
/// Device keys are long random tokens: a plain SHA-256 cannot be brute-forced for them, so no slow
/// password hash is needed on the ingest path. Only the hash is stored.
/// </summary>
public static class DeviceKeys
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(key));
        var expected = Encoding.ASCII.GetBytes(storedHash.Trim());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A new key: 32 random bytes, URL-safe base64.</summary>
    public static string NewKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
