using CommandCenter.Hosting;

namespace CommandCenter.Site.Settings;

public static class SettingsExtensions
{
    /// <summary>
    /// The settings a commander tunes while the site runs: stored in the database, added to configuration as its
    /// last source (a stored value overrides appsettings), read again on every node when one of them saves.
    /// </summary>
    public static WebApplicationBuilder AddSiteSettings(this WebApplicationBuilder builder)
    {
        var provider = new StoredSettingsProvider();
        ((IConfigurationBuilder)builder.Configuration).Add(new StoredSettingsSource(provider));
        builder.AddValidatedOptions<SettingsOptions>(SettingsOptions.Section);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton<SettingsComposition>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<SettingsRefresh>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SettingsRefresh>());
        return builder;
    }
}
