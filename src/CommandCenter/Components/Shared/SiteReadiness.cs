namespace CommandCenter.Components.Shared;

/// <summary>The first-run checklist in short.</summary>
/// <param name="CountyChosen">Whether the site has a county: without one the maps have nothing to draw.</param>
/// <param name="StepsDone">How many of the checklist's steps are done.</param>
/// <param name="Steps">How many steps it has.</param>
public sealed record SiteReadiness(bool CountyChosen, int StepsDone, int Steps)
{
    public bool Complete => StepsDone == Steps;
}
