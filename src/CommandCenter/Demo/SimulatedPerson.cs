using NetTopologySuite.Geometries;

namespace CommandCenter.Demo;

/// <summary>One simulated device and where its wearer is now.</summary>
public class SimulatedPerson(int subjectId, string serial, string key, Coordinate home, Coordinate current)
{
    public int SubjectId { get; } = subjectId;
    public string Serial { get; } = serial;
    public string Key { get; } = key;
    public Coordinate Home { get; } = home;
    public Coordinate Current { get; set; } = current;

    /// <summary>Where an ongoing violation takes this person, and for how many more reports.</summary>
    public Coordinate? Excursion { get; set; }

    public int ExcursionReportsLeft { get; set; }

    public bool IsOnExcursion => ExcursionReportsLeft > 0;
}
