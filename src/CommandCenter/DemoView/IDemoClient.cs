namespace CommandCenter.DemoView;

/// <summary>What the delegation view hears; camelCase on the wire like the wall's events.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Wire names of the hub's events.")]
public interface IDemoClient
{
    Task demoFrame(DemoFrame frame);

    Task demoAlert(DemoAlert alert);
}
