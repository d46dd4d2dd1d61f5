namespace CommandCenter.SpotChecks;

/// <summary>Why a spot check was sent.</summary>
public enum SpotCheckOrigin
{
    /// <summary>Drawn at random within the set hours, at the subject's supervision level's frequency.</summary>
    Random,
    /// <summary>Asked for by an officer, for one person or a squad.</summary>
    OnDemand,
}
