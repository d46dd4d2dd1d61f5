using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommandCenter.Tests.Security;

/// <summary>
/// The Data Protection keys in the database are encrypted with a certificate kept outside it, so that a copy of the
/// database (a backup, a dump) lets nobody forge a sign-in or read a channel's secret.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("key-certificate-");

    [Fact]
    public async Task ACopyOfTheDatabaseWithoutTheCertificateOpensNothingTheAppProtected()
    {
        var (path, certificate) = WriteCertificate();
        await using var app = new EncryptedKeysApp(path);
        await app.InitializeAsync();
        using var commander = await app.SignInAsync(Roles.Commander);
        Assert.Equal(HttpStatusCode.OK, (await commander.Client.GetAsync("/api/v1/users")).StatusCode);
        var sealedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a webhook's secret").Protect("SEC-robot-secret");

        var copied = await CopyKeysAsync(app.ConnectionString);

        Assert.NotEmpty(copied);
        Assert.All(copied, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        var withoutCertificate = DataProtectionProvider.Create(KeyFolder(copied), keys => keys.SetApplicationName("county-command-center"));
        Assert.ThrowsAny<CryptographicException>(() => withoutCertificate.CreateProtector("a webhook's secret").Unprotect(sealedText));

        // The same copy with the certificate opens it: the refusal above is the certificate's doing, not a broken copy.
        var withCertificate = DataProtectionProvider.Create(KeyFolder(copied), keys =>
            keys.SetApplicationName("county-command-center").UnprotectKeysWithAnyCertificate(certificate));
        Assert.Equal("SEC-robot-secret", withCertificate.CreateProtector("a webhook's secret").Unprotect(sealedText));
    }

    [Theory]
    [InlineData("missing.pfx", "does not exist")]
    [InlineData("not-a-certificate.pfx", "not a PKCS#12 file")]
    public async Task ACertificateThatCannotBeUsedStopsTheStartNamingTheSetting(string file, string named)
    {
        var path = Path.Combine(folder.FullName, file);
        if (file.StartsWith("not-", StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(path, "-----BEGIN NOTHING-----");
        }

        await using var app = new EncryptedKeysApp(path);

        var failure = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("Security:KeyCertificatePath", messages, StringComparison.Ordinal);
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private (string Path, X509Certificate2 Certificate) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=command center keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder.FullName, "keys.pfx");
        var pfx = made.Export(X509ContentType.Pfx, Password);
        File.WriteAllBytes(path, pfx);
        return (path, X509CertificateLoader.LoadPkcs12(pfx, Password));
    }

    private static async Task<List<string>> CopyKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private DirectoryInfo KeyFolder(List<string> keys)
    {
        var copy = folder.CreateSubdirectory($"copy-{Guid.NewGuid():N}");
        foreach (var xml in keys)
        {
            File.WriteAllText(Path.Combine(copy.FullName, $"key-{Guid.NewGuid()}.xml"), xml);
        }

        return copy;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
            {
                yield return inner;
            }
        }
    }

    private sealed class EncryptedKeysApp(string certificatePath) : CommandCenterApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:KeyCertificatePath"] = certificatePath,
            ["Security:KeyCertificatePassword"] = Password,
        };
    }
}
