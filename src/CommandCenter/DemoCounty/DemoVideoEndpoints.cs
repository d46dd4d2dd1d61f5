using System.Text.RegularExpressions;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Serves the demo's test cards as a camera platform would: open to whoever can reach the server (the pictures
/// are synthetic), and only the files ffmpeg writes for a chosen camera, so no other path can be asked for.
/// Without the demo's video every request is a 404.
/// </summary>
public static partial class DemoVideoEndpoints
{
    public static IEndpointRouteBuilder MapDemoVideo(this IEndpointRouteBuilder app)
    {
        app.MapGet(DemoVideoCameras.PathPrefix + "/{camera}/{file}", Serve)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Serve(string camera, string file, HttpContext context, IServiceProvider services)
    {
        var video = services.GetService<DemoVideo>();
        if (video is null || !video.Codes.Contains(camera) || !MediaFile().IsMatch(file))
        {
            return Results.NotFound();
        }

        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(Path.Combine(video.Folder, camera, file), context.RequestAborted);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not written yet, or a segment ffmpeg has just rotated out of the window.
            return Results.NotFound();
        }

        // A live playlist and the snapshot change every second or two: no cache may keep them.
        context.Response.Headers.CacheControl = "no-store";
        var type = Path.GetExtension(file) switch
        {
            ".m3u8" => "application/vnd.apple.mpegurl",
            ".ts" => "video/mp2t",
            _ => "image/jpeg",
        };
        return Results.Bytes(content, type);
    }

    [GeneratedRegex(@"^(index\d*\.(m3u8|ts)|snapshot\.jpg)$")]
    private static partial Regex MediaFile();
}
