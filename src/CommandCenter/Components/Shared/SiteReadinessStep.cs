namespace CommandCenter.Components.Shared;

/// <summary>One step of the first-run checklist as a screen below the site's folder shows it.</summary>
/// <param name="Name">The step's name, as its resource key <c>Site.Step.{Name}</c> spells it.</param>
/// <param name="Href">The page that does the step.</param>
/// <param name="Done">Whether the step's rule holds.</param>
public sealed record SiteReadinessStep(string Name, string Href, bool Done);
