namespace CommandCenter.Alerts.Patterns;

/// <summary>What the night-pattern judgement found for one person.</summary>
public enum NightActivityVerdictKind
{
    /// <summary>Too few days with fixes, or too little movement: no judgement either way.</summary>
    NotEnoughData,

    /// <summary>The recent days look like the person's usual rhythm.</summary>
    Usual,

    /// <summary>昼伏夜出: most recent movement at night, well above the person's own earlier share.</summary>
    NightPattern,
}
