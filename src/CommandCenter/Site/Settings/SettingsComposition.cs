using Microsoft.Extensions.Configuration.Memory;

namespace CommandCenter.Site.Settings;

/// <summary>
/// Composes the app's configuration without the stored settings (the defaults) or with other stored values
/// (a candidate), so that a change is checked by binding the options exactly as the app would.
/// </summary>
public sealed class SettingsComposition(IConfiguration configuration, StoredSettingsProvider stored)
{
    /// <summary>The configuration with these values in place of the stored ones; null gives the defaults alone.</summary>
    public ConfigurationRoot With(IReadOnlyDictionary<string, string>? values)
    {
        var providers = ((IConfigurationRoot)configuration).Providers
            .Where(provider => !ReferenceEquals(provider, stored))
            .Select(IConfigurationProvider (provider) => new ReadThroughProvider(provider))
            .ToList();
        if (values is not null)
        {
            providers.Add(new MemoryConfigurationProvider(new MemoryConfigurationSource
            {
                InitialData = values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)),
            }));
        }

        return new ConfigurationRoot(providers);
    }
}
