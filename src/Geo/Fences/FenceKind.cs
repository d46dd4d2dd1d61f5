namespace CommandCenter.Geo.Fences;

/// <summary>What a fence asks of the subjects it applies to.</summary>
public enum FenceKind
{
    /// <summary>A permitted area (活动区域): the subject must stay inside while the fence is active; leaving it is 越界.</summary>
    Inclusion = 0,

    /// <summary>A forbidden area (禁区, e.g. a school or a victim's home): the subject must stay out; entering it is 进入禁区.</summary>
    Exclusion = 1,

    /// <summary>The subject's home for curfew (宵禁): the subject must be inside while its schedule is active.</summary>
    Home = 2,
}
