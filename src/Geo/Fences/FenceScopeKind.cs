namespace CommandCenter.Geo.Fences;

/// <summary>Which subjects a fence applies to.</summary>
public enum FenceScopeKind
{
    /// <summary>Every subject.</summary>
    AllSubjects = 0,

    /// <summary>The subjects listed by id (e.g. the ones named in a prohibition order).</summary>
    ListedSubjects = 1,

    /// <summary>Every subject of one risk level.</summary>
    RiskLevel = 2,

    /// <summary>Every subject of one squad.</summary>
    Squad = 3,
}
