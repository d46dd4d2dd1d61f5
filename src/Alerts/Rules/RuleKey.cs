using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// A rule and, for the rules about fences, the fence: what a subject may have at most one open alert
/// for. A zone exit with no fence is the destination of a leave permit.
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="FenceId">The fence, for fence rules; otherwise null.</param>
public readonly record struct RuleKey(AlertRule Rule, int? FenceId)
{
    /// <summary>Whether the rule is about where the subject is (and so is debounced).</summary>
    public bool IsAboutPlace => Rule is AlertRule.ZoneExit or AlertRule.ZoneEntry or AlertRule.Curfew;
}
