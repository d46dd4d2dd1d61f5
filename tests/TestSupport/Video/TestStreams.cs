using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.TestSupport.Video;

/// <summary>
/// A camera platform on loopback for tests: ffmpeg writes test-card HLS streams and refreshing snapshots into a
/// temporary folder, and a small HTTP server serves that folder. A stream is stopped as a platform's would die,
/// with TERM to its ffmpeg; what it left behind is removed so the links answer 404 at once.
/// </summary>
public sealed class TestStreams : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-test-streams-").FullName;
    private readonly ConcurrentDictionary<string, Process> running = new();
    private readonly HttpListener listener = new();

    public TestStreams()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The origin the content-security policy must allow, e.g. http://127.0.0.1:41234.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    public string StreamUrl(string name) => $"{Origin}/{name}/index.m3u8";

    public string SnapshotUrl(string name) => $"{Origin}/{name}/snapshot.jpg";

    /// <summary>Starts a test card and waits until its playlist lists a segment and its first snapshot exists.</summary>
    public async Task StartAsync(string name)
    {
        var into = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        var start = new ProcessStartInfo("ffmpeg") { WorkingDirectory = into, UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])[
            "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=10",
            "-filter_complex", "[0:v]split=2[live][still];[still]fps=2[snap]",
            "-map", "[live]", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "10", "-pix_fmt", "yuv420p",
            "-f", "hls", "-hls_time", "1", "-hls_list_size", "4", "-hls_flags", "delete_segments+omit_endlist+temp_file", "index.m3u8",
            "-map", "[snap]", "-q:v", "8", "-update", "1", "-atomic_writing", "1", "snapshot.jpg"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        running[name] = process;
        var playlist = Path.Combine(into, "index.m3u8");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(playlist) && (await File.ReadAllTextAsync(playlist)).Contains("#EXTINF", StringComparison.Ordinal) && File.Exists(Path.Combine(into, "snapshot.jpg"))))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"ffmpeg did not start the test stream {name} (exit {(process.HasExited ? process.ExitCode : -1)})");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the stream with TERM, as a platform going down would, and removes its files.</summary>
    public async Task StopAsync(string name)
    {
        if (running.TryRemove(name, out var process))
        {
            await TerminateAsync(process);
        }

        Directory.Delete(Path.Combine(folder, name), recursive: true);
    }

    private static async Task TerminateAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        try
        {
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new FileNotFoundException();
            }

            var content = await File.ReadAllBytesAsync(path);
            context.Response.ContentType = Path.GetExtension(path) switch
            {
                ".m3u8" => "application/vnd.apple.mpegurl",
                ".ts" => "video/mp2t",
                _ => "image/jpeg",
            };

            // The player is on the app's origin; a platform serving it says so (CORS) for the playlist and segments.
            context.Response.AddHeader("Access-Control-Allow-Origin", "*");
            context.Response.AddHeader("Cache-Control", "no-store");
            await context.Response.OutputStream.WriteAsync(content);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            context.Response.StatusCode = 404;
        }
        catch (HttpListenerException)
        {
            // The browser went away mid-answer.
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        foreach (var name in running.Keys.ToList())
        {
            if (running.TryRemove(name, out var process))
            {
                TerminateAsync(process).GetAwaiter().GetResult();
            }
        }

        listener.Close();
        Directory.Delete(folder, recursive: true);
    }
}
