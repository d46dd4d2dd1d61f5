namespace CommandCenter.Security.Regions;

/// <summary>Why a screen cannot be opened for the region it asked for.</summary>
public enum RegionRefusal
{
    None,

    /// <summary>The region named is not a squad's id.</summary>
    NotAnId,

    /// <summary>No squad in service has that id.</summary>
    Unknown,

    /// <summary>The viewer leads another squad.</summary>
    Forbidden,
}
