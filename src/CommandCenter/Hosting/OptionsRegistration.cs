using Microsoft.Extensions.Options;

namespace CommandCenter.Hosting;

public static class OptionsRegistration
{
    /// <summary>Binds an options class to its configuration section and validates it when the app starts, not on first use.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this WebApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>()
            .Bind(builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
