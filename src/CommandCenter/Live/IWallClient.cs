namespace CommandCenter.Live;

/// <summary>
/// What the server pushes to walls and desks. The methods are named in camelCase on purpose: a typed
/// hub sends the C# method name on the wire, and the published event names are camelCase.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Wire names of the hub's events.")]
public interface IWallClient
{
    Task alertRaised(AlertMessage alert);

    Task alertChanged(AlertMessage alert);

    Task positionsFrame(PositionsFrame frame);

    /// <summary>A zone crossing started (pending), was confirmed or was called off.</summary>
    Task transitionPending(TransitionMessage transition);

    /// <summary>A sender was refused as an unknown device or with a wrong key.</summary>
    Task deviceUnknown(UnknownDeviceMessage device);

    /// <summary>A fence was added, changed or removed: the maps fetch the fences again.</summary>
    Task fencesChanged();

    /// <summary>The site's county, and with it the base map and the view, changed: a wall loads itself again.</summary>
    Task mapChanged();
}
