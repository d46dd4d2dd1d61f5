using System.ComponentModel.DataAnnotations;

namespace CommandCenter.ProtectedPeople;

/// <summary>A protected person to enrol: their name (kept, shown masked), their phone's serial and the squad that answers for them.</summary>
public class ProtectedPersonInput
{
    [StringLength(50)]
    public string? Name { get; set; }

    [StringLength(64)]
    public string? Serial { get; set; }

    /// <summary>The squad; a squad leader's own squad whatever is sent.</summary>
    public int? SquadId { get; set; }
}
