namespace CommandCenter.Components.Shared;

/// <summary>
/// How far the site is set up, for the screens below the site's own folder (the wall, the desk) that must
/// say so. The site's set-up feature contributes the one implementation, which holds the rules.
/// </summary>
public interface ISiteReadiness
{
    Task<SiteReadiness> ReadAsync(CancellationToken cancellationToken);
}
