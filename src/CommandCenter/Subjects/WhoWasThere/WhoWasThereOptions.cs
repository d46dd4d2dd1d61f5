using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// The bounds of a who-was-there search (轨迹碰撞). Location data may be used for corrections work only, so a
/// search names a case and stays narrow: a small area and a short window, never a sweep of the county.
/// </summary>
public class WhoWasThereOptions
{
    public const string Section = "WhoWasThere";

    /// <summary>The largest area searched, in square kilometres (a circle of 2.5 km radius is about 19.6).</summary>
    [Range(0.01, 100)]
    public double MaxAreaSquareKilometres { get; set; } = 20;

    /// <summary>The smallest radius of a point search, in metres: below that a fix's own error decides.</summary>
    [Range(1, 1_000)]
    public double MinRadiusMetres { get; set; } = 10;

    /// <summary>The longest window searched, in days: the span of one order and a day either side.</summary>
    [Range(1, 92)]
    public int MaxWindowDays { get; set; } = 31;

    /// <summary>The most people one answer lists, the closest first; more is a sign the area is too wide.</summary>
    [Range(10, 5_000)]
    public int MaxPeople { get; set; } = 500;
}
