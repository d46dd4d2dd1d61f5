using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CommandCenter.TestSupport.Network;

/// <summary>
/// A private nginx (Debian's package) on loopback in front of an app, configured as deploy/nginx.conf is:
/// plain HTTP on one port, TLS with a throwaway certificate on another. It reaches the app from
/// <see cref="ProxyAddress"/>, a loopback address of its own, so the app can tell it from a client that
/// connects directly. Its config, pid, logs and temp folders live in a folder of its own.
/// </summary>
public sealed class LoopbackNginx : IAsyncDisposable
{
    public const string ProxyAddress = "127.0.0.2";

    private readonly string directory;
    private readonly Process process;

    private LoopbackNginx(string directory, Process process, int httpPort, int httpsPort)
    {
        this.directory = directory;
        this.process = process;
        Http = new Uri($"http://127.0.0.1:{httpPort}");
        Https = new Uri($"https://127.0.0.1:{httpsPort}");
    }

    public Uri Http { get; }

    public Uri Https { get; }

    public static async Task<LoopbackNginx> StartAsync(Uri upstream)
    {
        var binary = Environment.GetEnvironmentVariable("CC_NGINX") ?? "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"nginx was not found at {binary}: install Debian's nginx package or set CC_NGINX.");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"cc-test-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "temp"));
        WriteCertificate(directory);
        var (httpPort, httpsPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), Config(directory, upstream, httpPort, httpsPort));
        var start = new ProcessStartInfo(binary, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        await LoopbackPorts.WaitUntilListeningAsync(process, httpPort, "nginx", TimeSpan.FromSeconds(15));
        return new LoopbackNginx(directory, process, httpPort, httpsPort);
    }

    /// <summary>A client that connects to the proxy from <paramref name="clientAddress"/> (a loopback address) and trusts its certificate.</summary>
    public static HttpClient ClientFrom(string clientAddress, Uri baseAddress, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(clientAddress), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = baseAddress };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    // One process (no master, no workers running as another user), in the foreground, everything under the folder.
    private static string Config(string directory, Uri upstream, int httpPort, int httpsPort) => $$"""
        daemon off;
        master_process off;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/temp/body;
            proxy_temp_path {{directory}}/temp/proxy;
            fastcgi_temp_path {{directory}}/temp/fastcgi;
            uwsgi_temp_path {{directory}}/temp/uwsgi;
            scgi_temp_path {{directory}}/temp/scgi;
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            server {
                listen 127.0.0.1:{{httpPort}};
                listen 127.0.0.1:{{httpsPort}} ssl;
                ssl_certificate {{directory}}/site.crt;
                ssl_certificate_key {{directory}}/site.key;
                location / {
                    proxy_pass {{upstream.GetLeftPart(UriPartial.Authority)}};
                    proxy_bind {{ProxyAddress}};
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
            }
        }
        """;

    private static void WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "site.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "site.key"), key.ExportPkcs8PrivateKeyPem());
    }
}
