using System.Diagnostics;

namespace CommandCenter.DemoCounty;

/// <summary>
/// One camera's test card: an ffmpeg process writing an HLS stream and a snapshot into the camera's folder,
/// started again when it dies. ffmpeg runs under a small shell that watches its own standard input: when the
/// app closes that pipe, or the app dies and the system closes it, the shell sends ffmpeg TERM, so no ffmpeg
/// outlives the app, not even after a SIGKILL.
/// </summary>
public sealed class TestCard(string cameraName, string folder, DemoVideoOptions options, string timeZone, ILogger log)
{
    // "$@" is ffmpeg and its arguments. The watcher reads the app's pipe through fd 3, because a background job
    // of a script gets /dev/null as its standard input.
    private const string Watchdog = """
        exec 3<&0
        "$@" </dev/null &
        child=$!
        { read -r _ <&3; kill -TERM "$child" 2>/dev/null; } &
        watcher=$!
        wait "$child"
        status=$?
        kill "$watcher" 2>/dev/null
        exit "$status"
        """;

    /// <summary>Runs the card until stopped, restarting ffmpeg after <see cref="DemoVideoOptions.RestartDelay"/> whenever it exits.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // What an earlier run left would be served as live until ffmpeg wrote over it.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "name.txt"), cameraName, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var process = Start();
            await using (stoppingToken.Register(() => Stop(process)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            log.LogWarning("The demo test card for {Camera} stopped (exit {Code}); starting it again", cameraName, process.ExitCode);
            try
            {
                await Task.Delay(options.RestartDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TZ"] = timeZone;
        foreach (var argument in (string[])["-c", Watchdog, "bash", options.Ffmpeg, .. Arguments()])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
            {
                log.LogDebug("ffmpeg ({Camera}): {Line}", cameraName, line.Data);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Closing the pipe makes the watchdog send ffmpeg TERM; a card that hangs on is killed after a few seconds.</summary>
    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    /// <summary>
    /// A moving test pattern with the camera's name and the site's local time drawn across its middle (the wall's
    /// wide tiles crop the top and bottom); a 2-second HLS window of
    /// five segments, and one JPEG a second written whole (atomic) so a reader never gets half a picture.
    /// </summary>
    private IEnumerable<string> Arguments()
    {
        var text = $"fontfile={options.FontFile}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=(w-tw)/2";
        return
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15",
            "-filter_complex",
            $"[0:v]drawtext={text}:textfile=name.txt:y=h/2-th-10:fontsize=30,drawtext={text}:text=%{{localtime}}:y=h/2+10:fontsize=26,split=2[live][still];[still]fps=1[snap]",
            "-map", "[live]", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-pix_fmt", "yuv420p",
            "-f", "hls", "-hls_time", "2", "-hls_list_size", "5", "-hls_flags", "delete_segments+omit_endlist+temp_file", "index.m3u8",
            "-map", "[snap]", "-q:v", "5", "-update", "1", "-atomic_writing", "1", "snapshot.jpg",
        ];
    }
}
