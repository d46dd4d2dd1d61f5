using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>A training base, partner enterprise or public-welfare organisation, from the day the partnership began.</summary>
public class PartnerOrganisation : IKpiRecord
{
    public int Id { get; set; }
    public PartnerKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;
    public int? SquadId { get; set; }
    public DateOnly Since { get; set; }

    /// <summary>The last day of the partnership; null while it lasts.</summary>
    public DateOnly? Until { get; set; }

    public string? Contact { get; set; }

    DateOnly IKpiRecord.Date => Since;

    public void Check(RecordChecks checks)
    {
        checks.Defined("kind", Kind);
        checks.Text("name", Name, 100);
        checks.Day("since", Since);
        checks.Squad("squadId", SquadId);
        checks.Text("contact", Contact, 64, required: false);
        if (Until is { } until)
        {
            checks.NotBefore("until", until, "since", Since);
        }
    }
}
