namespace CommandCenter.Alerts.Patterns;

/// <summary>
/// 同案犯聚集, the judgement of one pair: were they within the distance, without a break, for the set time, up to now?
/// Only a stretch that reaches the latest sample counts, and only while that sample is recent, so that a meeting
/// long over is not raised again by every run that still sees it; a stretch ends at the first sample apart or at a
/// silence longer than the gap allowed.
/// </summary>
public static class SustainedProximity
{
    /// <summary>Judges the samples of one pair as of <paramref name="now"/>.</summary>
    /// <param name="samples">The pair's samples, in any order.</param>
    /// <param name="now">The present instant.</param>
    /// <param name="thresholds">How close, how long, and the largest gap.</param>
    public static ProximityVerdict Judge(IEnumerable<ProximitySample> samples, DateTimeOffset now, ProximityThresholds thresholds)
    {
        var ordered = samples.Where(s => s.At <= now).OrderBy(s => s.At).ToList();
        if (ordered.Count == 0 || now - ordered[^1].At > thresholds.MaxGap)
        {
            return new ProximityVerdict(ProximityVerdictKind.Unknown);
        }

        if (ordered[^1].DistanceMetres > thresholds.WithinMetres)
        {
            return new ProximityVerdict(ProximityVerdictKind.Apart);
        }

        var first = ordered.Count - 1;
        while (first > 0
            && ordered[first - 1].DistanceMetres <= thresholds.WithinMetres
            && ordered[first].At - ordered[first - 1].At <= thresholds.MaxGap)
        {
            first--;
        }

        var since = ordered[first].At;
        var kind = ordered[^1].At - since >= thresholds.Sustained ? ProximityVerdictKind.Meeting : ProximityVerdictKind.Close;
        return new ProximityVerdict(kind, since);
    }
}
