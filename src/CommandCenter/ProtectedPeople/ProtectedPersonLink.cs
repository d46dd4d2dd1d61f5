namespace CommandCenter.ProtectedPeople;

/// <summary>A subject who must keep away from a protected person, and how far: the moving exclusion zone and its early warning.</summary>
public class ProtectedPersonLink
{
    public int Id { get; set; }
    public int ProtectedPersonId { get; set; }
    public int SubjectId { get; set; }

    /// <summary>Within this distance of the person the subject breaches the zone.</summary>
    public double ExclusionMeters { get; set; }

    /// <summary>Within this larger distance the early warning is raised.</summary>
    public double WarningMeters { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public required string LinkedBy { get; set; }
}
