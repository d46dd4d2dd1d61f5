namespace CommandCenter.Hosting.Tuning;

/// <summary>
/// An options section whose listed fields a site may change while it runs. Features contribute one each
/// (through <see cref="OptionsRegistration.AddTunableOptions{TOptions}"/>); the site's settings page lists, checks and
/// stores them without knowing the features.
/// </summary>
public abstract class TunableSection
{
    /// <summary>The configuration section, e.g. <c>Alerts</c>.</summary>
    public abstract string Section { get; }

    public abstract IReadOnlyList<TunableField> Fields { get; }

    /// <summary>
    /// Binds the options from a candidate configuration and runs every check they get at start-up; each
    /// problem is keyed by its full configuration key (or the section's, where the rule names no field).
    /// </summary>
    public abstract IReadOnlyList<OptionsProblem> Check(IConfiguration candidate, IServiceProvider services);

    /// <summary>The value each field has when the options are bound from this configuration, as configuration text.</summary>
    public abstract IReadOnlyDictionary<string, string?> Values(IConfiguration configuration);
}
