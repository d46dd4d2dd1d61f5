using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Rules;

/// <summary>One subject under one rule and fence: the unit of "at most one open alert".</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Rule">The rule and fence.</param>
public readonly record struct AlertKey(long SubjectId, RuleKey Rule)
{
    /// <summary>Creates a key from its parts.</summary>
    public AlertKey(long subjectId, AlertRule rule, int? fenceId = null)
        : this(subjectId, new RuleKey(rule, fenceId))
    {
    }
}
