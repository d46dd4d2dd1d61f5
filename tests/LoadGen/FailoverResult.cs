namespace CommandCenter.LoadGen;

/// <summary>
/// What a failover cost: seconds from the kill until the rules answered every probe again (NaN: never within
/// the run), the longest a probe sent after the kill waited for its alert, seconds until the last probe fix nginx
/// could not get accepted, and the probes after the kill.
/// </summary>
internal sealed record FailoverResult(double RulesAgainSeconds, double LongestWaitSeconds, double IngestGapSeconds, int Probes, int Unanswered);
