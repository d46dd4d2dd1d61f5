namespace CommandCenter.Components.Shared;

/// <summary>The first-run checklist, for the screens that must say the site is not set up yet.</summary>
/// <param name="CountyChosen">Whether the site has a county: without one the maps have nothing to draw.</param>
/// <param name="Checklist">Every step in the checklist's order, each with its page and whether it is done.</param>
public sealed record SiteReadiness(bool CountyChosen, IReadOnlyList<SiteReadinessStep> Checklist)
{
    /// <summary>How many of the checklist's steps are done.</summary>
    public int StepsDone => Checklist.Count(s => s.Done);

    /// <summary>How many steps it has.</summary>
    public int Steps => Checklist.Count;

    public bool Complete => StepsDone == Steps;
}
