namespace CommandCenter.Site.Setup;

/// <summary>One step of the checklist: the page that does it and whether it is done.</summary>
public sealed record SetupStep(SetupStepKind Kind, string Href, bool Done);
