namespace CommandCenter.SpotChecks;

/// <summary>Where a spot check stands, as the panel shows it.</summary>
public enum SpotCheckStanding
{
    Waiting,
    Unanswered,
    Late,
    OutOfPlace,
    InTime,
}
