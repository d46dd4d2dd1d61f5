namespace CommandCenter.Alerts.Checks;

/// <summary>How a spot check failed.</summary>
public enum SpotCheckFailure
{
    /// <summary>No answer by the deadline.</summary>
    Unanswered,
    /// <summary>An answer, but after the deadline (known only if it arrived before the deadline was weighed).</summary>
    Late,
    /// <summary>Answered in time, but from farther than allowed from where the person should be.</summary>
    OutOfPlace,
}
