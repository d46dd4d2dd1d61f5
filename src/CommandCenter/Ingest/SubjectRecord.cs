using CommandCenter.Alerts.Tracking;
using CommandCenter.Subjects;

namespace CommandCenter.Ingest;

/// <summary>What the ingest path and the rules need to know about a subject under correction.</summary>
public record SubjectRecord(int Id, string Code, int SquadId, string SquadName, RiskLevel RiskLevel, TrackerKind Tracker, OrderTerm? Order)
{
    /// <summary>The facts the rules read; the risk level is coded as fence scopes code it.</summary>
    public SubjectFacts Facts { get; } = new(Id, SquadId, (int)RiskLevel, Tracker, Order);

    /// <summary>Whether the subject's live location may be shown on a day: only while a positioning order is in force (DOMAIN.md).</summary>
    public bool IsLocationVisibleOn(DateOnly day) => Order?.IsInForceOn(day) == true;
}
