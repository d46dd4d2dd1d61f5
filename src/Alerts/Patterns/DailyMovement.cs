namespace CommandCenter.Alerts.Patterns;

/// <summary>How far one person moved on one day of the site's calendar, split into the night hours and the rest.</summary>
/// <param name="Day">The day on the site's clock.</param>
/// <param name="NightMetres">The distance travelled within the night hours.</param>
/// <param name="DayMetres">The distance travelled outside them.</param>
/// <param name="Fixes">How many fixes the day holds; a day without any is a day without data, not a day at rest.</param>
public sealed record DailyMovement(DateOnly Day, double NightMetres, double DayMetres, int Fixes)
{
    /// <summary>All the distance of the day.</summary>
    public double TotalMetres => NightMetres + DayMetres;
}
