namespace CommandCenter.Reports;

/// <summary>How an alert stands against the set times (<see cref="HandlingStandard"/>).</summary>
public enum HandlingVerdict
{
    /// <summary>A person answered it within its severity's wait.</summary>
    InTime,

    /// <summary>A person answered it after the wait, or the wait has run out with no answer.</summary>
    Late,

    /// <summary>Nobody has answered yet and the wait has not run out: it cannot be judged yet.</summary>
    NotYetDue,
}
