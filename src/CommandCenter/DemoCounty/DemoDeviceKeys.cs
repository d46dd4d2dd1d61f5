using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.DemoCounty;

/// <summary>Derives each demo device's key from a secret, so the seed can store hashes and the simulator can still sign in.</summary>
public class DemoDeviceKeys(string secret)
{
    private readonly byte[] secretBytes = Encoding.UTF8.GetBytes(secret);

    public string KeyFor(string serial) =>
        System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(secretBytes, Encoding.UTF8.GetBytes(serial)));
}
