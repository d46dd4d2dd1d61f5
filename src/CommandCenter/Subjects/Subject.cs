using NetTopologySuite.Geometries;

namespace CommandCenter.Subjects;

/// <summary>A person under community correction (社区矫正对象).</summary>
public class Subject
{
    public int Id { get; set; }

    /// <summary>The brigade's case number, shown instead of the name wherever identity is not needed.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public required string IdNumber { get; set; }
    public required string Phone { get; set; }
    public CorrectionType CorrectionType { get; set; }
    public SupervisionLevel SupervisionLevel { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public SubjectStatus Status { get; set; }
    public int SquadId { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public DateOnly IntakeDate { get; set; }
    public DateOnly? ReleaseDate { get; set; }
    public required string HomeAddress { get; set; }

    /// <summary>
    /// The home, WGS-84; the centre of the home zone used by curfew rules. Null for a person imported from a
    /// list without coordinates until an officer places the home on the map.
    /// </summary>
    public Point? Home { get; set; }

    public List<Device> Devices { get; set; } = [];
    public List<PositioningOrder> PositioningOrders { get; set; } = [];
}
