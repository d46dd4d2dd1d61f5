namespace CommandCenter.Site.Setup;

/// <summary>The steps of the first-run checklist, in the order a county goes through them.</summary>
public enum SetupStepKind
{
    County,
    Squads,
    People,
    Devices,
    Users,
    Settings,
}
