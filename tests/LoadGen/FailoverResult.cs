namespace CommandCenter.LoadGen;

/// <summary>
/// What a failover cost: seconds from the kill until the rules answered every probe again (NaN: never within
/// the run), seconds until the last probe fix nginx could not get accepted, and the probes after the kill.
/// </summary>
internal sealed record FailoverResult(double RulesAgainSeconds, double IngestGapSeconds, int Probes, int Unanswered);
