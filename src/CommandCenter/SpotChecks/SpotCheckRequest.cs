namespace CommandCenter.SpotChecks;

/// <summary>An officer's request for spot checks now: for one person (<see cref="SubjectId"/>) or a whole squad (<see cref="SquadId"/>).</summary>
public class SpotCheckRequest
{
    public int? SubjectId { get; set; }
    public int? SquadId { get; set; }
}
