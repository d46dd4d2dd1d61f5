using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Rules;

/// <summary>Collections reused from position to position, so a batch of thousands of fixes evaluates without garbage.</summary>
internal sealed class EngineScratch
{
    public FenceVerdict Verdict { get; } = new();

    public Dictionary<RuleKey, FenceDefinition> Beyond { get; } = [];

    public HashSet<RuleKey> Uncertain { get; } = [];

    public List<RuleKey> Keys { get; } = [];
}
