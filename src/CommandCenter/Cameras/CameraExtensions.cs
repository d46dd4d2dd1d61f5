using CommandCenter.Security.Headers;
using CommandCenter.Hosting;

namespace CommandCenter.Cameras;

public static class CameraExtensions
{
    public static WebApplicationBuilder AddCameras(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CameraOptions>(CameraOptions.Section)
            .Validate(o => o.MediaOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"),
                "Cameras:MediaOrigins must be http(s) origins such as http://10.1.2.3:8080, without a path.");
        builder.Services.AddSingleton<IContentSecurityOrigins, CameraOrigins>();
        builder.Services.AddSingleton<CameraQueries>();
        builder.Services.AddSingleton<CameraStore>();
        builder.Services.AddSingleton<CameraSignals>();
        builder.Services.AddSingleton<CameraStates>();
        builder.Services.AddSingleton<CameraProbe>();
        builder.Services.AddSingleton<CameraProber>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CameraProber>());
        builder.Services.AddHttpClient(CameraProbe.HttpClientName);
        return builder;
    }
}
