using QRCoder;

namespace CommandCenter.Security.Accounts;

/// <summary>The enrolment QR code for an authenticator app, drawn on the server as SVG (the hall has no internet).</summary>
public static class AuthenticatorQr
{
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";

    public static string Svg(string issuer, string account, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(issuer, account, key), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6, "#07111f", "#ffffff", drawQuietZones: true);
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}
