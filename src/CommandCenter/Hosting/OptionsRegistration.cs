using CommandCenter.Hosting.Tuning;
using Microsoft.Extensions.Options;

namespace CommandCenter.Hosting;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds an options class to its configuration section and validates it when the app starts, not on first use:
    /// its attributes, and its own checks where it has them (<see cref="ICheckedOptions"/>).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this WebApplicationBuilder builder, string section)
        where TOptions : class
    {
        if (typeof(ICheckedOptions).IsAssignableFrom(typeof(TOptions)))
        {
            var validation = Activator.CreateInstance(typeof(CheckedOptionsValidation<>).MakeGenericType(typeof(TOptions)), section)!;
            builder.Services.AddSingleton(typeof(IValidateOptions<TOptions>), validation);
        }

        return builder.Services.AddOptions<TOptions>()
            .Bind(builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    /// <summary>
    /// As <see cref="AddValidatedOptions{TOptions}"/>, and offers the listed fields to the site's settings, which
    /// may change them while the app runs: consumers read <see cref="IOptionsMonitor{TOptions}.CurrentValue"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddTunableOptions<TOptions>(this WebApplicationBuilder builder, string section, IReadOnlyList<TunableField> fields)
        where TOptions : class, new()
    {
        builder.Services.AddSingleton<TunableSection>(new TunableOptionsSection<TOptions>(section, fields));
        return builder.AddValidatedOptions<TOptions>(section);
    }
}
