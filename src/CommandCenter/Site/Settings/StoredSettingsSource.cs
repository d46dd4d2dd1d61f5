namespace CommandCenter.Site.Settings;

/// <summary>Adds the one <see cref="StoredSettingsProvider"/> to configuration (the refresh service holds the same instance).</summary>
public sealed class StoredSettingsSource(StoredSettingsProvider provider) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
}
