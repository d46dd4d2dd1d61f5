namespace CommandCenter.Alerts.Patterns;

/// <summary>What the samples of two people say about now.</summary>
public enum ProximityVerdictKind
{
    /// <summary>No recent sample: nothing can be said.</summary>
    Unknown,

    /// <summary>The latest sample has them apart.</summary>
    Apart,

    /// <summary>Together now, but not yet for the set time.</summary>
    Close,

    /// <summary>Together now, without a break, for at least the set time: a meeting.</summary>
    Meeting,
}
