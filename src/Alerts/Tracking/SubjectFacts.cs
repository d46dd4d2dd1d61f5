using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// What the rules need to know about a subject (矫正对象): who supervises them, how risky they are, what
/// reports their position, and the electronic-positioning order that makes monitoring lawful.
/// </summary>
/// <param name="SubjectId">The subject's id.</param>
/// <param name="SquadId">The squad (中队) that answers for the subject.</param>
/// <param name="RiskLevel">The risk level as the site codes it (the same code fence scopes use).</param>
/// <param name="Tracker">The kind of the subject's positioning device.</param>
/// <param name="Order">The current (or latest) positioning order; none when there never was one.</param>
public sealed record SubjectFacts(long SubjectId, int SquadId, int RiskLevel, TrackerKind Tracker, OrderTerm? Order)
{
    /// <summary>The facts that decide which fences apply.</summary>
    public FenceSubject FenceSubject => new(SubjectId, SquadId, RiskLevel);

    /// <summary>Whether the subject is under electronic monitoring on a day: only then are silences and orders watched.</summary>
    public bool IsMonitoredOn(DateOnly day) => Order?.IsInForceOn(day) == true;
}
