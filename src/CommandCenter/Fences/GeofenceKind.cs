namespace CommandCenter.Fences;

/// <summary>What a fence demands of the people it applies to.</summary>
public enum GeofenceKind
{
    /// <summary>Must stay inside (the county, a permitted area).</summary>
    Inclusion,
    /// <summary>Must stay out (a school, a victim's home, a venue named in a prohibition order).</summary>
    Exclusion,
    /// <summary>Must be inside during curfew hours.</summary>
    Home,
}
