namespace CommandCenter.LoadGen;

/// <summary>
/// Where one alert probe spent its time, in milliseconds: waiting for the accepting node's batch, that batch until
/// the 202, until the judging node's batch began (the hand-off, zero or less when judged in the same batch), until
/// that batch appended the alert to the live log (judging and writing, the last step before its commit), and from
/// there until the wall heard it (the commit, the live log's tail and the send).
/// </summary>
internal sealed record ProbeStages(bool HandedOff, double Queued, double Stored, double Taken, double Judged, double Told, double Total);
