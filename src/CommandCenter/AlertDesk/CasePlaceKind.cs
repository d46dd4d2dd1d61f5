namespace CommandCenter.AlertDesk;

/// <summary>Which fact the desk's place for an alert comes from, best first.</summary>
public enum CasePlaceKind
{
    /// <summary>The fix that raised the alert.</summary>
    AlertFix,

    /// <summary>The subject's last fix of the last two hours (an alert without a fix: offline, tamper).</summary>
    LastFix,

    /// <summary>The registered home, when no fix may be shown: where a squad would go to find them.</summary>
    Home,
}
