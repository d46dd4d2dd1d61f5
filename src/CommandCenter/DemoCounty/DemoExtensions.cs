using CommandCenter.Security.Accounts;
using CommandCenter.Hosting;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoCounty;

public static class DemoExtensions
{
    /// <param name="builder">The app's builder.</param>
    /// <param name="args">The command line, for the demo's own switches (<c>--subjects 50000</c>).</param>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine([.. args.Where((arg, i) => DemoOptions.Switches.ContainsKey(arg) || (i > 0 && DemoOptions.Switches.ContainsKey(args[i - 1])))],
            DemoOptions.Switches.ToDictionary());
        builder.AddValidatedOptions<DemoOptions>(DemoOptions.Section)
            .Validate(o => !(o.Seed || o.Simulator) || !string.IsNullOrWhiteSpace(o.DeviceKeySecret),
                "Demo:DeviceKeySecret is required when the demo is seeded or simulated.");
        builder.Services.AddSingleton(services =>
            new DemoDeviceKeys(services.GetRequiredService<IOptions<DemoOptions>>().Value.DeviceKeySecret ?? string.Empty));
        builder.Services.AddOptions<SignInPageOptions>()
            .Configure<IOptions<DemoOptions>>((page, demo) => page.ShowDemoAccounts = demo.Value.Seed);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddHttpClient(nameof(DemoSimulator));

        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Simulator)
        {
            builder.Services.AddHostedService<DemoSimulator>();
        }

        builder.AddValidatedOptions<DemoVideoOptions>(DemoVideoOptions.Section);
        var video = builder.Configuration.GetSection(DemoVideoOptions.Section).Get<DemoVideoOptions>() ?? new DemoVideoOptions();
        if (demo.Seed && video.Streams > 0)
        {
            builder.Services.AddSingleton<DemoVideoCameras>();
            builder.Services.AddSingleton<DemoVideo>();
            builder.Services.AddHostedService(services => services.GetRequiredService<DemoVideo>());
        }

        return builder;
    }

    /// <summary>Seeds the demo county when configured to; run after migrations, before serving.</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            await app.Services.GetRequiredService<DemoAccounts>().SeedAsync(CancellationToken.None);
        }
    }
}
