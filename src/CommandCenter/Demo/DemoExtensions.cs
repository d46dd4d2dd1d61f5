using CommandCenter.Site;
using Microsoft.Extensions.Options;

namespace CommandCenter.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DemoOptions>(DemoOptions.Section)
            .Validate(o => !(o.Seed || o.Simulator) || !string.IsNullOrWhiteSpace(o.DeviceKeySecret),
                "Demo:DeviceKeySecret is required when the demo is seeded or simulated.");
        builder.Services.AddSingleton(services =>
            new DemoDeviceKeys(services.GetRequiredService<IOptions<DemoOptions>>().Value.DeviceKeySecret ?? string.Empty));
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHttpClient(nameof(DemoSimulator));

        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Simulator)
        {
            builder.Services.AddHostedService<DemoSimulator>();
        }

        return builder;
    }

    /// <summary>Seeds the demo county when configured to; run after migrations, before serving.</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
