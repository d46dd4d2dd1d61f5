using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CommandCenter.Security;

/// <summary>
/// Encrypts the Data Protection keys that the database keeps with a certificate kept outside it. Those keys sign the
/// sign-in cookies and encrypt the channels' secrets: in the clear, a copy of the database (a backup, a dump) would
/// let its holder forge any account's sign-in and read every webhook's key. With a certificate set, the copy alone
/// opens nothing. Keys made before the certificate was set stay readable as they were until they expire.
/// </summary>
public static class KeyEncryption
{
    public static void Apply(IDataProtectionBuilder keys, SecurityOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.KeyCertificatePath))
        {
            return;
        }

        var certificate = Load(settings.KeyCertificatePath, settings.KeyCertificatePassword);

        // Named for decryption too: on Linux no certificate store holds it, and the keys name it only by its thumbprint.
        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        const string Setting = $"{SecurityOptions.Section}:{nameof(SecurityOptions.KeyCertificatePath)}";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Setting} names '{path}', which does not exist: the app would store its keys unencrypted.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"{Setting} names '{path}', which is not a PKCS#12 file this password opens.", exception);
        }

        if (certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{Setting} names '{path}', whose certificate has no RSA private key: the keys could be encrypted but never read again.");
        }

        return certificate;
    }
}
