namespace CommandCenter.Kit.Frames;

/// <summary>The shells a page can be drawn in; the router maps each to its layout.</summary>
public enum PageFrame
{
    /// <summary>The dark full-screen wall, also the frame of a page that names none.</summary>
    Wall,

    /// <summary>The desk: the app bar and the navigation of officers and commanders.</summary>
    Desk,

    /// <summary>The narrow centred card of sign-in, enrolment and password pages.</summary>
    Account,
}
