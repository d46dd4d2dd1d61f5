using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Subjects;

public class SubjectsOptions
{
    public const string Section = "Subjects";

    /// <summary>How many days before its end an order in force is flagged, so that a reassessment can be made in time.</summary>
    [Range(1, 30)]
    public int OrderExpiryWarningDays { get; set; } = 7;

    /// <summary>The most rows one page of a search returns.</summary>
    [Range(10, 500)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most fixes of one day a track replay loads (one every 10 s is 8,640).</summary>
    [Range(100, 100_000)]
    public int MaxTrackPoints { get; set; } = 20_000;
}
