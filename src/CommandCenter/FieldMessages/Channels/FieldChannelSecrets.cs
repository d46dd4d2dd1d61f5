using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// Encrypts what gives access to a group or a gateway with the site's Data Protection keys (kept in the database,
/// so every node reads what another wrote), and masks the credentials of an address for showing it.
/// </summary>
public sealed partial class FieldChannelSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "CommandCenter.FieldMessages.Channels.v1";

    private const string Masked = "***";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Protect(string plain) => protector.Protect(plain);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);

    /// <summary>
    /// The address with the values of its credential parameters (a robot's key or access_token, a gateway's token or
    /// password) and any user:password@ replaced by ***; a {secret} placeholder is shown as written.
    /// </summary>
    public static string Mask(string url)
    {
        var masked = UserInfo().Replace(url, match => match.Groups[1].Value + Masked + "@");
        return CredentialParameter().Replace(masked, match =>
            match.Groups[2].Value == "{secret}" ? match.Value : match.Groups[1].Value + (match.Groups[2].Value.Length == 0 ? string.Empty : Masked));
    }

    [GeneratedRegex(@"^(\s*https?://)[^/?#@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&](?:key|access_token|accesstoken|token|secret|password|passwd|pwd|apikey|api_key|appkey|app_key|appsecret|app_secret|sign|signature)=)([^&#]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();
}
