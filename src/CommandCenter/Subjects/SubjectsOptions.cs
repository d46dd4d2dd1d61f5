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

    /// <summary>The most data rows one import takes: a county's whole caseload fits many times over.</summary>
    [Range(10, 20_000)]
    public int MaxImportRows { get; set; } = 5_000;

    /// <summary>The largest file one import takes, in bytes.</summary>
    [Range(10_000, 50_000_000)]
    public long MaxImportBytes { get; set; } = 5_000_000;
}
