namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// How far one subject moved on one day of the site's calendar, by night and by day: summed once when the day is
/// over (<see cref="MovementDays"/>), so that the daily 昼伏夜出 judgement reads a few rows per person instead of
/// weeks of fixes.
/// </summary>
public class MovementDay
{
    public int SubjectId { get; set; }

    public DateOnly Day { get; set; }

    public double NightMetres { get; set; }

    public double DayMetres { get; set; }

    public int Fixes { get; set; }
}
