using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Kpi;

/// <summary>
/// The weights of the squad scoreboard (党建与业务同步考评). Each part scores 0 to 100; the total is their
/// weighted mean, so only the ratios between weights matter.
/// </summary>
public class ScoreWeights
{
    /// <summary>Party life: the squad's party-group meetings held against the cadence.</summary>
    [Range(0, 100)]
    public double PartyLife { get; set; } = 30;

    /// <summary>Volunteer service person-times, against the best squad.</summary>
    [Range(0, 100)]
    public double Volunteer { get; set; } = 15;

    /// <summary>Training, counselling and culture-class person-times per subject, against the best squad.</summary>
    [Range(0, 100)]
    public double Education { get; set; } = 20;

    /// <summary>The share of the squad's alerts acknowledged within the target time.</summary>
    [Range(0, 100)]
    public double AlertResponse { get; set; } = 20;

    /// <summary>No 脱管/漏管 among the squad's subjects.</summary>
    [Range(0, 100)]
    public double Safety { get; set; } = 15;

    public double Total => PartyLife + Volunteer + Education + AlertResponse + Safety;
}
