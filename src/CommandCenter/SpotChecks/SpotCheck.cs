namespace CommandCenter.SpotChecks;

/// <summary>
/// A spot check (信息化核查) sent to a subject's phone: the subject answers with a face photo and the current fix
/// before the deadline; the officer then compares the photo with the registered one and records a verdict.
/// The photo itself lives in <see cref="SpotCheckPhoto"/>, away from this narrow row.
/// </summary>
public class SpotCheck
{
    public long Id { get; set; }
    public int SubjectId { get; set; }
    public SpotCheckOrigin Origin { get; set; }

    /// <summary>The account that asked for it; null for one the schedule drew at random.</summary>
    public string? RequestedBy { get; set; }

    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset Deadline { get; set; }

    /// <summary>The distance from where the person should be that the answer may be, fixed when the check is sent.</summary>
    public double AllowedMeters { get; set; }

    /// <summary>When the server received the answer.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public double? AccuracyMeters { get; set; }

    /// <summary>What the answer was compared with: the home, the leave in force's destination, or nothing known.</summary>
    public ExpectedPlace? ComparedWith { get; set; }

    /// <summary>How far the answer's fix was from <see cref="ComparedWith"/>; null when there was nothing to compare with.</summary>
    public double? DistanceMeters { get; set; }

    /// <summary>The face service's opinion, if a site configured one: the same person or not, and its score.</summary>
    public bool? FaceServiceSame { get; set; }
    public double? FaceServiceScore { get; set; }

    /// <summary>The officer's verdict on the photo: confirmed as the person (true) or not (false); null until judged.</summary>
    public bool? Confirmed { get; set; }
    public string? JudgedBy { get; set; }
    public DateTimeOffset? JudgedAt { get; set; }
}
