namespace CommandCenter.ProtectedPeople;

/// <summary>A subject to keep away from a protected person, with the radii in metres; the settings' defaults where left out.</summary>
public class ProtectedLinkInput
{
    public int? SubjectId { get; set; }

    public double? ExclusionMetres { get; set; }

    public double? WarningMetres { get; set; }
}
