namespace CommandCenter.SpotChecks;

/// <summary>A spot check as the desk, the subject page and the API show it (the photo is fetched on its own).</summary>
public record SpotCheckView(
    long Id, int SubjectId, SpotCheckOrigin Origin, string? RequestedBy, DateTimeOffset SentAt, DateTimeOffset Deadline,
    DateTimeOffset? AnsweredAt, double? Longitude, double? Latitude, ExpectedPlace? ComparedWith, double? DistanceMeters, double AllowedMeters,
    bool HasPhoto, bool? FaceServiceSame, double? FaceServiceScore, bool? Confirmed, string? JudgedBy, DateTimeOffset? JudgedAt)
{
    /// <summary>Where the check stands at <paramref name="now"/>.</summary>
    public SpotCheckStanding StandingAt(DateTimeOffset now) => AnsweredAt switch
    {
        null when now < Deadline => SpotCheckStanding.Waiting,
        null => SpotCheckStanding.Unanswered,
        { } answered when answered > Deadline => SpotCheckStanding.Late,
        _ when DistanceMeters > AllowedMeters => SpotCheckStanding.OutOfPlace,
        _ => SpotCheckStanding.InTime,
    };

    public static SpotCheckView Of(SpotCheck c, bool hasPhoto) => new(
        c.Id, c.SubjectId, c.Origin, c.RequestedBy, c.SentAt, c.Deadline, c.AnsweredAt, c.Longitude, c.Latitude, c.ComparedWith, c.DistanceMeters,
        c.AllowedMeters, hasPhoto, c.FaceServiceSame, c.FaceServiceScore, c.Confirmed, c.JudgedBy, c.JudgedAt);
}
