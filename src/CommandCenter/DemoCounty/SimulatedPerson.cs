using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>One simulated device, its wearer's daily places, and where they are now.</summary>
public class SimulatedPerson(int subjectId, string serial, string key, Coordinate home, Coordinate work, Coordinate current)
{
    public int SubjectId { get; } = subjectId;
    public string Serial { get; } = serial;
    public string Key { get; } = key;
    public Coordinate Home { get; } = home;

    /// <summary>Where they spend the working day.</summary>
    public Coordinate Work { get; } = work;

    public Coordinate Current { get; set; } = current;

    /// <summary>Whether a curfew (a home zone) applies to them.</summary>
    public bool UnderCurfew { get; set; }

    public double Battery { get; set; } = 100;

    public bool Charging { get; set; }

    /// <summary>The device says nothing until then (no signal).</summary>
    public DateTimeOffset SilentUntil { get; set; }

    /// <summary>Where an ongoing violation takes this person, and for how many more reports.</summary>
    public Coordinate? Excursion { get; set; }

    public int ExcursionReportsLeft { get; set; }

    public bool IsOnExcursion => ExcursionReportsLeft > 0;
}
