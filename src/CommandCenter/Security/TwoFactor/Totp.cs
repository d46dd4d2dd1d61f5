using System.Security.Cryptography;

namespace CommandCenter.Security.TwoFactor;

/// <summary>
/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits), the kind every authenticator
/// app makes. Written here rather than taken from Identity because the sign-in must know which time step a code
/// belongs to (to refuse it a second time) and must take the time from the injected clock.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>How many steps either side of now a code may come from: a phone's clock a little off still works.</summary>
    public const int Drift = 1;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    public static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The time step near <paramref name="now"/> whose code is <paramref name="code"/>, if any; the latest wins.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || Base32.Decode(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = StepAt(now);
        long? matched = null;

        // Every candidate is compared, in constant time, so the answer's timing does not say which step matched.
        for (var step = current - Drift; step <= current + Drift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                matched = step;
            }
        }

        return matched;
    }
}
